package org.iopcare.support.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * With the {@code prod} profile, refuses to start a service whose database or broker connection
 * would travel in plaintext, whose secrets are the local run's defaults, or which would run as the
 * owner of its schema (and so of its audit trail). It runs before any bean
 * exists, so nothing has connected anywhere when it refuses. The message names the settings that
 * are wrong, never their values.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "prod";

    private static final Pattern JDBC_TLS = Pattern.compile("[?&]sslmode=(require|verify-ca|verify-full)(&|$)");
    private static final List<String> KAFKA_PROTOCOL_KEYS = List.of(
            "spring.cloud.stream.kafka.binder.configuration.security.protocol",
            "spring.kafka.security.protocol",
            "spring.kafka.properties.security.protocol");
    private static final List<String> KAFKA_TLS = List.of("SSL", "SASL_SSL");
    private static final List<String> SANDBOX_SMS_SECRETS = List.of("sandbox-token", "ACsandbox");
    /** intake-service's application.yaml value, for the local run and tests only. */
    private static final String LOCAL_FINGERPRINT_SECRET = "local-only-fingerprint-secret";
    /** spring.mail.host values that mean the local run's SMTP server, notification's default. */
    private static final List<String> LOOPBACK_HOSTS = List.of("", "localhost", "127.0.0.1", "::1", "[::1]");
    /** notification-service's default key of the email unsubscribe links, for the local run and tests only. */
    private static final String LOCAL_UNSUBSCRIBE_SECRET = "local-unsubscribe-secret-0001";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with profile '" + PROFILE + "':\n - "
                    + String.join("\n - ", problems)
                    + "\nSee docs/operations.md, \"Production settings\".");
        }
    }

    /** Every reason this environment is unfit for production; empty when it is fit. */
    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (env.matchesProfiles("local")) {
            problems.add("profile 'local' is active too (dev tokens, sandbox providers)");
        }
        String url = env.getProperty("spring.datasource.url", "");
        if (!JDBC_TLS.matcher(url).find()) {
            problems.add("spring.datasource.url must set sslmode=require, verify-ca or verify-full"
                    + " (the database connection would be plaintext)");
        }
        String protocol = KAFKA_PROTOCOL_KEYS.stream()
                .map(env::getProperty)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse("PLAINTEXT");
        if (!KAFKA_TLS.contains(protocol.trim().toUpperCase(Locale.ROOT))) {
            problems.add(KAFKA_PROTOCOL_KEYS.get(0) + " must be SSL or SASL_SSL (the broker connection would be"
                    + " plaintext)");
        }
        String runtimeRole = env.getProperty("spring.datasource.username", "");
        String owner = env.getProperty("spring.flyway.user", "");
        if (localPassword(env, "spring.datasource.password", runtimeRole)) {
            problems.add("spring.datasource.password is unset or the local default");
        }
        if (localPassword(env, "spring.flyway.password", owner)) {
            problems.add("spring.flyway.password is unset or the local default");
        }
        if (owner.isBlank() || owner.equals(runtimeRole)) {
            problems.add("spring.datasource.username must be a runtime role apart from the schema's owner"
                    + " (spring.flyway.user): the service could change or remove its own audit trail");
        }
        String issuerUri = env.getProperty("iopcare.security.jwt.issuer-uri", "");
        String keyLocation = env.getProperty("iopcare.security.jwt.public-key-location", "");
        if (issuerUri.isBlank() && keyLocation.isBlank()) {
            problems.add("iopcare.security.jwt.issuer-uri (or public-key-location) is unset: no token could be"
                    + " verified");
        } else if (issuerUri.isBlank() && localKey(keyLocation)) {
            problems.add("iopcare.security.jwt.public-key-location is the local run's or the tests' key");
        }
        if (env.getProperty("iopcare.security.jwt.audience", "").isBlank()) {
            problems.add("iopcare.security.jwt.audience is unset: a token issued for another application would be"
                    + " accepted");
        }
        String managementPort = env.getProperty("management.server.port", "");
        if (managementPort.isBlank() || managementPort.equals(env.getProperty("server.port", "8080"))) {
            problems.add("management.server.port is unset or the API port: Actuator would be served to API callers");
        }
        if (env.getProperty("iopcare.intake.inquiries.fingerprint-secret", "").equals(LOCAL_FINGERPRINT_SECRET)) {
            problems.add("iopcare.intake.inquiries.fingerprint-secret is the local run's default");
        }
        if (!env.getProperty("iopcare.devtokens.private-key-location", "").isBlank()) {
            problems.add("iopcare.devtokens.private-key-location is set: token minting belongs to the local run");
        }
        if (SANDBOX_SMS_SECRETS.contains(env.getProperty("iopcare.notification.sms.auth-token", ""))
                || SANDBOX_SMS_SECRETS.contains(env.getProperty("iopcare.notification.sms.account-sid", ""))) {
            problems.add("iopcare.notification.sms account or token is the sandbox default");
        }
        if (env.getProperty("iopcare.notification.sms.base-url", "").contains("/sandbox/")) {
            problems.add("iopcare.notification.sms.base-url points at the local sandbox provider");
        }
        if ("notification-service".equals(env.getProperty("spring.application.name"))) {
            String unsubscribeSecret = env.getProperty("iopcare.notification.unsubscribe.secret", "");
            if (unsubscribeSecret.isBlank() || unsubscribeSecret.equals(LOCAL_UNSUBSCRIBE_SECRET)) {
                problems.add("iopcare.notification.unsubscribe.secret is unset or the local default"
                        + " (anyone could sign a link that unsubscribes a client)");
            }
            if (!env.getProperty("iopcare.notification.unsubscribe.base-url", "")
                    .startsWith("https://")) {
                problems.add("iopcare.notification.unsubscribe.base-url must be the https address clients reach");
            }
            if (LOOPBACK_HOSTS.contains(
                    env.getProperty("spring.mail.host", "").trim().toLowerCase(Locale.ROOT))) {
                problems.add("spring.mail.host is unset or this machine (the local run's mail server): clients' email"
                        + " would never leave the pod");
            }
        }
        return problems;
    }

    private static boolean localPassword(Environment env, String key, String user) {
        String password = env.getProperty(key, "");
        return password.isBlank()
                || password.equals(user)
                || password.equals(env.getProperty("iopcare.db.schema"))
                || password.equals(env.getProperty("iopcare.db.schema") + "_app");
    }

    private static boolean localKey(String location) {
        return location.contains(".local-data")
                || location.contains("iopcare-test-jwt")
                || location.startsWith("classpath:");
    }

    /** After the configuration files and profiles are loaded and the shared defaults added. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
