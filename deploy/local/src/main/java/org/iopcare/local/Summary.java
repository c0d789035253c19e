package org.iopcare.local;

import java.util.Locale;

/** What is printed once everything is up: where things are and how to try them. */
final class Summary {

    private Summary() {}

    static String of(RunningPlatform platform) {
        LocalOptions options = platform.options();
        StringBuilder text = new StringBuilder();
        text.append('\n')
                .append("IOP Care is up in ")
                .append(String.format(Locale.ROOT, "%.1f s", platform.startupSeconds()))
                .append("\n\n");
        // the console first: it is where a person starts
        options.services().stream()
                .filter(service -> service.kind() == ServiceSpec.Kind.CONSOLE)
                .forEach(console -> text.append("  Staff console: ")
                        .append(consoleUrl(console))
                        .append(" \u2014 sign in as any of the listed staff\n\n"));
        if (options.services().isEmpty()) {
            text.append(
                    "  Kafka and PostgreSQL only (--infra-only). To run a service against them, e.g. from an IDE:\n");
            for (ServiceSpec service : ServiceSpec.SERVICES) {
                text.append(String.format(
                        Locale.ROOT,
                        "    %-22s SPRING_DATASOURCE_USERNAME=%s, SPRING_FLYWAY_USER=%s, passwords in %s%n",
                        service.name(),
                        service.runtimeRole(),
                        service.schema(),
                        platform.folder().secrets().resolve("<role>.password")));
            }
            text.append("    all of them            SPRING_PROFILES_ACTIVE=local, SPRING_DATASOURCE_URL=")
                    .append(platform.jdbcUrl())
                    .append(",\n                           SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS=")
                    .append(platform.kafkaBootstrapServers())
                    .append(",\n                           IOPCARE_SECURITY_JWT_PUBLIC_KEY_LOCATION=file:")
                    .append(platform.folder().keys().resolve(JwtKeys.PUBLIC_FILE))
                    .append("\n");
        }
        for (ServiceSpec service : options.serviceInstances()) {
            if (service.kind() != ServiceSpec.Kind.SERVICE) {
                continue;
            }
            String url = platform.serviceUrl(service);
            String label =
                    service.instance() == 1 ? service.shortName() : service.shortName() + "-" + service.instance();
            text.append(String.format(Locale.ROOT, "  %-16s %-24s Swagger UI: %s/swagger-ui.html%n", label, url, url));
        }
        text.append(String.format(Locale.ROOT, "%n  %-16s %s%n", "Kafka bootstrap", platform.kafkaBootstrapServers()));
        text.append(String.format(Locale.ROOT, "  %-16s %s%n", "PostgreSQL", platform.jdbcUrl()));
        text.append(String.format(
                Locale.ROOT,
                "  %-16s psql -h 127.0.0.1 -p %d -U postgres %s  (role passwords in %s)%n",
                "",
                options.postgresPort(),
                LocalPostgres.DATABASE,
                platform.folder().secrets()));
        text.append(String.format(
                Locale.ROOT, "  %-16s %s%n", "Logs", platform.folder().logs()));
        if (options.services().contains(ServiceSpec.INTAKE)
                || options.services().stream().anyMatch(s -> s.mintsDevTokens())) {
            int intake = options.services().stream()
                    .filter(ServiceSpec::mintsDevTokens)
                    .findFirst()
                    .map(ServiceSpec::port)
                    .orElse(ServiceSpec.INTAKE.port());
            text.append("\nA staff token (send it as 'Authorization: Bearer <token>'):\n")
                    .append("  curl -s -X POST http://localhost:")
                    .append(intake)
                    .append("/dev/tokens")
                    .append(" -H 'Content-Type: application/json'")
                    .append(" -d '{\"subject\":\"dana\",\"roles\":[\"INTAKE_COORDINATOR\",\"CLINICIAN\"]}'\n")
                    .append("\nA public inquiry (no token needed):\n")
                    .append("  curl -s -X POST http://localhost:")
                    .append(intake)
                    .append("/api/inquiries")
                    .append(" -H 'Content-Type: application/json'")
                    .append(" -d '{\"firstName\":\"Alex\",\"lastName\":\"Rivera\",\"phone\":\"+16175550100\",")
                    .append("\"email\":\"alex@example.org\",\"preferredChannel\":\"SMS\",\"contactConsent\":true,")
                    .append("\"helpWith\":\"Looking for an evening program\",\"referralSource\":\"SELF\"}'\n");
        }
        if (options.listenAll()) {
            text.append('\n').append(ListenAllWarning.TEXT).append('\n');
        }
        text.append("\nPress Ctrl-C to stop (or ./run-local.sh stop from another terminal).");
        return text.toString();
    }

    /** The console's address as a browser on this machine opens it (its session cookie is kept for it). */
    static String consoleUrl(ServiceSpec console) {
        return "http://" + LocalOptions.LOOPBACK + ":" + console.port();
    }
}
