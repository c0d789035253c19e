package org.iopcare.acceptance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iopcare.local.LocalOptions;
import org.iopcare.local.LocalPlatform;
import org.iopcare.local.RunningPlatform;
import org.iopcare.local.ServiceSpec;
import org.iopcare.testports.TestPorts;

/**
 * Kafka, PostgreSQL, the four services and the staff console as real processes, started once per
 * test JVM from their built jars, on reserved ports ({@link TestPorts}) and in a temporary data folder (a developer's own local run is
 * never touched). Timings are shortened through the services' ordinary settings: reminders 30 minutes
 * ahead, checked every second; the welcome 3 s after the first session is known; no grace period
 * before the missed-session sweep, which runs every second; a send window around the current time in
 * the clinic's zone; intake's urgent work escalating after {@link #ESCALATE_AFTER}.
 */
final class AcceptancePlatform {

    /** How far ahead of a session its reminder is due. */
    static final java.time.Duration REMINDER_OFFSET = java.time.Duration.ofMinutes(30);

    /** How long intake's URGENT work items wait for an acknowledgement before each escalation step. */
    static final java.time.Duration ESCALATE_AFTER = java.time.Duration.ofSeconds(4);

    static final String CARE_TEAM_EMAIL = "care-team@clinic.example";
    static final String INTAKE_TEAM_EMAIL = "intake-team@clinic.example";

    private static AcceptancePlatform started;

    final RunningPlatform platform;
    final String intake;
    final String scheduling;
    final String treatmentPlan;
    final String notification;
    /** The staff console's address, as a browser on this machine opens it. */
    final String consoleUrl;
    /** Where the platform's processes write their logs: services, Kafka, PostgreSQL. */
    final Path logs;
    /** What the launcher printed while starting the platform, as a developer's terminal shows it. */
    final Path console;
    /** The sandbox SMTP server of notification-service, which the mailbox reads. */
    final int smtpPort;
    /** The zone of the clinic, its tracks and its clients for this run (one where it is day now). */
    final ZoneId zone;

    final LocalTime sendWindowStart;
    final LocalTime sendWindowEnd;
    final double startSeconds;

    private AcceptancePlatform(
            RunningPlatform platform,
            Path logs,
            Path console,
            int smtpPort,
            List<ServiceSpec> services,
            ServiceSpec staffConsole,
            ZoneId zone,
            LocalTime sendWindowStart,
            LocalTime sendWindowEnd,
            double startSeconds) {
        this.platform = platform;
        this.intake = platform.serviceUrl(services.get(0));
        this.scheduling = platform.serviceUrl(services.get(1));
        this.treatmentPlan = platform.serviceUrl(services.get(2));
        this.notification = platform.serviceUrl(services.get(3));
        this.consoleUrl = "http://127.0.0.1:" + staffConsole.port();
        this.logs = logs;
        this.console = console;
        this.smtpPort = smtpPort;
        this.zone = zone;
        this.sendWindowStart = sendWindowStart;
        this.sendWindowEnd = sendWindowEnd;
        this.startSeconds = startSeconds;
    }

    /** The platform of this JVM, started on first use; stopped when the JVM exits. */
    static synchronized AcceptancePlatform get() {
        if (started == null) {
            started = start();
        }
        return started;
    }

    private static AcceptancePlatform start() {
        long begin = System.nanoTime();
        Path repo = repoRoot();
        Path dataDir;
        Path consoleLog = repo.resolve("deploy/acceptance/target/acceptance-platform.log");
        PrintStream console;
        try {
            dataDir = Files.createTempDirectory("iopcare-acceptance-");
            Files.createDirectories(consoleLog.getParent());
            console = new PrintStream(Files.newOutputStream(consoleLog), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZoneId zone = daytimeZone(Clock.systemUTC());
        LocalTime now = LocalTime.now(zone);
        // A window around now (the suite takes minutes): a reminder inside it is sent at once, and
        // the assertion that it arrived inside the window means something.
        LocalTime windowStart = now.minusHours(2).withSecond(0).withNano(0);
        LocalTime windowEnd = now.plusHours(4).withSecond(0).withNano(0);

        int[] ports = TestPorts.reserve(9);
        int smtpPort = ports[7];
        String notificationUrl = "http://localhost:" + ports[6];
        List<ServiceSpec> services = List.of(
                ServiceSpec.INTAKE
                        .withPort(ports[3])
                        // every form of the suite comes from one address
                        .withEnvironment(Map.of(
                                "IOPCARE_INTAKE_RATELIMIT_REQUESTS", "10000",
                                // urgent work escalates within seconds, checked every second
                                "IOPCARE_WORK_ESCALATE_AFTER", ESCALATE_AFTER.toString(),
                                "IOPCARE_WORK_CHECK_INTERVAL", "PT1S")),
                ServiceSpec.SCHEDULING
                        .withPort(ports[4])
                        .withEnvironment(Map.of(
                                "IOPCARE_SCHEDULING_GRACE_PERIOD", "PT0S",
                                "IOPCARE_SCHEDULING_SWEEP_INTERVAL", "PT1S")),
                ServiceSpec.TREATMENT_PLAN.withPort(ports[5]),
                ServiceSpec.NOTIFICATION
                        .withPort(ports[6])
                        .withEnvironment(Map.ofEntries(
                                // the sandbox provider and callbacks live on the moved port
                                Map.entry(
                                        "IOPCARE_NOTIFICATION_SMS_BASE_URL", notificationUrl + "/sandbox/sms/provider"),
                                Map.entry(
                                        "IOPCARE_NOTIFICATION_SMS_STATUS_CALLBACK_URL",
                                        notificationUrl + "/api/sms/status"),
                                Map.entry("IOPCARE_NOTIFICATION_SANDBOX_SMTP_PORT", Integer.toString(smtpPort)),
                                Map.entry("SPRING_MAIL_PORT", Integer.toString(smtpPort)),
                                Map.entry("IOPCARE_NOTIFICATION_DELIVERY_POLL_INTERVAL", "200ms"),
                                Map.entry("IOPCARE_NOTIFICATION_REMINDERS_OFFSETS", REMINDER_OFFSET.toString()),
                                Map.entry("IOPCARE_NOTIFICATION_REMINDERS_POLL_INTERVAL", "PT1S"),
                                // the welcome waits for the first batch of sessions; they arrive within a second here
                                Map.entry("IOPCARE_NOTIFICATION_REMINDERS_WELCOME_DELAY", "PT3S"),
                                // a change's notice waits for its other sessions; one transaction's events arrive
                                // within a second or two here
                                Map.entry("IOPCARE_NOTIFICATION_REMINDERS_NOTICE_GATHERING", "PT15S"),
                                Map.entry("IOPCARE_NOTIFICATION_SEND_WINDOW_START", windowStart.toString()),
                                Map.entry("IOPCARE_NOTIFICATION_SEND_WINDOW_END", windowEnd.toString()),
                                // the scenarios send a client several messages a day (welcome, reminders, notices)
                                Map.entry("IOPCARE_NOTIFICATION_FREQUENCY_CAP_PER_DAY", "50"),
                                Map.entry("IOPCARE_NOTIFICATION_FREQUENCY_CAP_PER_ROLLING_WEEK", "200"),
                                Map.entry("IOPCARE_NOTIFICATION_CARE_TEAM_EMAIL", CARE_TEAM_EMAIL),
                                Map.entry("IOPCARE_NOTIFICATION_INTAKE_TEAM_EMAIL", INTAKE_TEAM_EMAIL))));
        // started side by side with the services; it is told their moved ports by the launcher
        // dates and times on its pages in the run's clinic zone, as the tracks meet
        ServiceSpec staffConsole = ServiceSpec.STAFF_CONSOLE
                .withPort(ports[8])
                .withEnvironment(Map.of("IOPCARE_CONSOLE_CLINIC_ZONE", zone.getId()));
        List<ServiceSpec> everything = new java.util.ArrayList<>(services);
        everything.add(staffConsole);
        LocalOptions options = LocalOptions.builder(repo)
                .dataDir(dataDir)
                .kafkaPort(ports[0])
                .kafkaControllerPort(ports[1])
                .postgresPort(ports[2])
                .services(everything)
                // the archives' background training would only compete with the suite for the cores
                .classDataSharing(false)
                .console(console)
                .build();
        RunningPlatform platform = LocalPlatform.start(options);
        Path logs = repo.resolve("deploy/acceptance/target/acceptance-logs");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stopAndClean(platform, dataDir, logs), "acceptance-cleanup"));
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(
                "[acceptance] platform started in %.1f s (zone %s, send window %s-%s)%n",
                seconds, zone, windowStart, windowEnd);
        return new AcceptancePlatform(
                platform,
                dataDir.resolve("logs"),
                consoleLog,
                smtpPort,
                services,
                staffConsole,
                zone,
                windowStart,
                windowEnd,
                seconds);
    }

    /**
     * A zone where it is between 02:30 and 19:30 now, so that tracks meeting within the next hour
     * for three hours, and the send window around now, fit in the local day whenever the suite runs.
     */
    static ZoneId daytimeZone(Clock clock) {
        for (String id : List.of(
                "America/New_York",
                "America/Los_Angeles",
                "Pacific/Honolulu",
                "Europe/London",
                "Asia/Kolkata",
                "Asia/Tokyo",
                "Australia/Sydney")) {
            LocalTime local = LocalTime.now(clock.withZone(ZoneId.of(id)));
            if (local.isAfter(LocalTime.of(2, 30)) && local.isBefore(LocalTime.of(19, 30))) {
                return ZoneId.of(id);
            }
        }
        throw new IllegalStateException("No daytime zone found for " + clock.instant());
    }

    /** Stops the platform, keeps the services' logs under target/ and deletes the data folder. */
    private static void stopAndClean(RunningPlatform platform, Path dataDir, Path logs) {
        platform.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            Path serviceLogs = dataDir.resolve("logs");
            if (Files.isDirectory(serviceLogs)) {
                Files.createDirectories(logs);
                try (Stream<Path> kept = Files.list(serviceLogs)) {
                    for (Path log : kept.toList()) {
                        Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("[acceptance] could not clean " + dataDir + ": " + e);
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("run-local.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "Not inside the IOP Care repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
