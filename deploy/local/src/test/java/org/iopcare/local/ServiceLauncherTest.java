package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void servicesListenOnTheLoopbackInterfaceByDefault() {
        Map<String, String> env = launcher(options().build()).environment(ServiceSpec.INTAKE);

        assertThat(env).containsEntry("SERVER_ADDRESS", "127.0.0.1").containsEntry("SERVER_PORT", "8081");
    }

    @Test
    void servicesMigrateAsTheSchemasOwnerAndRunAsTheirRuntimeRole() {
        ServicePasswords passwords = new ServicePasswords(new DataFolder(dataDir).secrets());
        Map<String, String> env = launcher(options().build()).environment(ServiceSpec.TREATMENT_PLAN);

        assertThat(env)
                .containsEntry("SPRING_FLYWAY_USER", "treatment_plan")
                .containsEntry("SPRING_FLYWAY_PASSWORD", passwords.of("treatment_plan"))
                .containsEntry("SPRING_DATASOURCE_USERNAME", "treatment_plan_app")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", passwords.of("treatment_plan_app"));
        assertThat(passwords.of("treatment_plan_app")).isNotEqualTo(passwords.of("treatment_plan"));
    }

    @Test
    void servicesRunWithFewerRequestThreadsExceptNotificationWhoseSandboxAnswersItsOwnSends() {
        ServiceLauncher launcher = launcher(options().build());

        assertThat(launcher.environment(ServiceSpec.INTAKE)).containsEntry("SERVER_TOMCAT_THREADS_MAX", "32");
        assertThat(launcher.environment(ServiceSpec.TREATMENT_PLAN)).containsEntry("SERVER_TOMCAT_THREADS_MAX", "32");
        assertThat(launcher.environment(ServiceSpec.NOTIFICATION)).doesNotContainKey("SERVER_TOMCAT_THREADS_MAX");
        assertThat(launcher.environment(ServiceSpec.STAFF_CONSOLE)).doesNotContainKey("SERVER_TOMCAT_THREADS_MAX");
        assertThat(launcher.environment(
                        ServiceSpec.SCHEDULING.withEnvironment(Map.of("SERVER_TOMCAT_THREADS_MAX", "64"))))
                .as("a test's environment wins")
                .containsEntry("SERVER_TOMCAT_THREADS_MAX", "64");
    }

    @Test
    void aCrashReportGoesBesideTheLogInTheDataFolder() {
        Path log = new DataFolder(dataDir).log("intake-service-2");

        assertThat(ServiceLauncher.crashReport(log))
                .isEqualTo("-XX:ErrorFile=" + log.toAbsolutePath().resolveSibling("intake-service-2.hs_err_%p.log"));
    }

    @Test
    void listenAllOpensTheServicesToEveryInterface() {
        Map<String, String> env = launcher(options().listenAll(true).build()).environment(ServiceSpec.SCHEDULING);

        assertThat(env).containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }

    @Test
    void notificationServiceGetsTheDataFoldersSmsTokenAndNoOtherServiceDoes() throws Exception {
        DataFolder folder = new DataFolder(dataDir);
        String token = SandboxSmsToken.in(folder.secrets());
        ServiceLauncher launcher = launcher(options().build());

        assertThat(launcher.environment(ServiceSpec.NOTIFICATION))
                .containsEntry("IOPCARE_NOTIFICATION_SMS_AUTH_TOKEN", token);
        assertThat(launcher.environment(ServiceSpec.INTAKE)).doesNotContainKey("IOPCARE_NOTIFICATION_SMS_AUTH_TOKEN");
        assertThat(token).matches("[A-Za-z0-9_-]{32}").isNotEqualTo("sandbox-token");
        assertThat(SandboxSmsToken.in(folder.secrets()))
                .as("kept across restarts")
                .isEqualTo(token);
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(folder.secrets().resolve(SandboxSmsToken.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void theConsoleIsToldWhereTheServicesOfThisRunAreAndGetsNoDatabaseKafkaOrKeys() {
        LocalOptions options = options()
                .services(List.of(
                        ServiceSpec.STAFF_CONSOLE.withPort(18080),
                        ServiceSpec.INTAKE.withPort(18081),
                        ServiceSpec.SCHEDULING.withPort(18082),
                        ServiceSpec.TREATMENT_PLAN.withPort(18083),
                        ServiceSpec.NOTIFICATION.withPort(18084)))
                .build();

        Map<String, String> env =
                launcher(options).environment(options.services().get(0));

        assertThat(env)
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("SERVER_PORT", "18080")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("IOPCARE_CONSOLE_INTAKE", "http://127.0.0.1:18081")
                .containsEntry("IOPCARE_CONSOLE_SCHEDULING", "http://127.0.0.1:18082")
                .containsEntry("IOPCARE_CONSOLE_TREATMENT_PLAN", "http://127.0.0.1:18083")
                .containsEntry("IOPCARE_CONSOLE_NOTIFICATION", "http://127.0.0.1:18084");
        assertThat(env.keySet())
                .noneMatch(name -> name.startsWith("SPRING_DATASOURCE")
                        || name.startsWith("SPRING_FLYWAY")
                        || name.startsWith("SPRING_CLOUD_STREAM")
                        || name.startsWith("IOPCARE_SECURITY")
                        || name.startsWith("IOPCARE_DEVTOKENS")
                        || name.equals(SandboxSmsToken.ENVIRONMENT));
        // no database role or password is made for it
        assertThat(new DataFolder(dataDir).secrets().resolve("staff-console.password"))
                .doesNotExist();
    }

    @Test
    void aServiceLeftOutOfTheRunIsLookedForOnItsUsualPort() {
        LocalOptions options = options()
                .services(List.of(ServiceSpec.STAFF_CONSOLE, ServiceSpec.INTAKE.withPort(18081)))
                .build();

        Map<String, String> env = launcher(options).environment(ServiceSpec.STAFF_CONSOLE);

        assertThat(env)
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("IOPCARE_CONSOLE_INTAKE", "http://127.0.0.1:18081")
                .containsEntry("IOPCARE_CONSOLE_NOTIFICATION", "http://127.0.0.1:8084");
    }

    @Test
    void aSecondInstanceSharesTheDatabaseAndKafkaOnItsOwnPortAndNotificationsSendsToTheFirstsSandbox() {
        ServiceSpec notification = ServiceSpec.NOTIFICATION
                .withPort(18084)
                .withEnvironment(Map.of(
                        "IOPCARE_NOTIFICATION_SMS_BASE_URL", "http://127.0.0.1:18084/sandbox/sms/provider",
                        "SPRING_MAIL_PORT", "13025"));
        LocalOptions options = options()
                .services(List.of(ServiceSpec.INTAKE, notification))
                .instances(2)
                .build();
        ServiceLauncher launcher = launcher(options);
        ServiceSpec secondNotification = options.serviceInstances().get(3);
        Map<String, String> first = launcher.environment(notification);
        Map<String, String> second = launcher.environment(secondNotification);

        assertThat(secondNotification.processName()).isEqualTo("notification-service-2");
        assertThat(second)
                .containsEntry("SERVER_PORT", "18184")
                .containsEntry("IOPCARE_LOCALTOOLS_SANDBOX", "false")
                .containsEntry("IOPCARE_NOTIFICATION_SMS_BASE_URL", "http://127.0.0.1:18084/sandbox/sms/provider")
                .containsEntry("SPRING_MAIL_PORT", "13025");
        assertThat(first).doesNotContainKey("IOPCARE_LOCALTOOLS_SANDBOX");
        Map<String, String> rest = new java.util.HashMap<>(second);
        rest.remove("SERVER_PORT");
        rest.remove("IOPCARE_LOCALTOOLS_SANDBOX");
        assertThat(rest)
                .as("the same schema, roles, broker, token and consumer group (the application's name)")
                .isEqualTo(first.entrySet().stream()
                        .filter(e -> !e.getKey().equals("SERVER_PORT"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

        Map<String, String> secondIntake =
                launcher.environment(options.serviceInstances().get(1));
        assertThat(secondIntake)
                .containsEntry("SERVER_PORT", "8181")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "intake_app")
                .doesNotContainKey("IOPCARE_LOCALTOOLS_SANDBOX");
    }

    @Test
    void theConsoleTalksToTheFirstInstances() {
        LocalOptions options = options().instances(2).build();

        assertThat(launcher(options).environment(ServiceSpec.STAFF_CONSOLE))
                .containsEntry("IOPCARE_CONSOLE_INTAKE", "http://127.0.0.1:8081")
                .containsEntry("IOPCARE_CONSOLE_NOTIFICATION", "http://127.0.0.1:8084");
    }

    @Test
    void everyDataFolderHasItsOwnSmsToken(@TempDir Path other) {
        assertThat(SandboxSmsToken.in(dataDir.resolve("secrets")))
                .isNotEqualTo(SandboxSmsToken.in(other.resolve("secrets")));
    }

    @Test
    void everyAppRunsWithTheLocalToolsOnItsClasspath(@TempDir Path repo) throws Exception {
        Path tools = emptyJar(repo.resolve(LocalTools.JAR), null);
        Path greenMail = emptyJar(repo.resolve(LocalTools.LIB).resolve("greenmail-2.1.13.jar"), null);
        Path thin = emptyJar(
                repo.resolve("apps/intake-service/intake-service.jar"), "org.iopcare.intake.IntakeApplication");
        ServiceLauncher launcher =
                launcher(LocalOptions.builder(repo).dataDir(dataDir).build());

        // the extracted app: a plain classpath, the same for a run and its class-data training run
        assertThat(launcher.launch(ServiceSpec.INTAKE, thin))
                .containsExactly(
                        "-cp",
                        String.join(File.pathSeparator, thin.toString(), tools.toString(), greenMail.toString()),
                        "org.iopcare.intake.IntakeApplication");
        // the executable jar when it could not be extracted: Spring Boot's PropertiesLauncher; the
        // console too, whose persona sign-in is one of the tools
        for (ServiceSpec app : List.of(ServiceSpec.NOTIFICATION, ServiceSpec.STAFF_CONSOLE)) {
            Path executable = repo.resolve(app.jar());
            assertThat(launcher.launch(app, executable))
                    .as(app.name())
                    .containsExactly(
                            "-Dloader.path=" + tools + "," + greenMail,
                            "-cp",
                            executable.toString(),
                            LocalTools.PROPERTIES_LAUNCHER);
        }
    }

    @Test
    void aChangeOfTheLocalToolsChangesTheStampOfTheExtractedApps(@TempDir Path repo) throws Exception {
        Path tools = emptyJar(repo.resolve(LocalTools.JAR), null);
        String before = new LocalTools(repo).stamp();

        Files.writeString(tools, "rebuilt");

        assertThat(new LocalTools(repo).stamp()).isNotEqualTo(before);
        assertThat(new LocalTools(repo.resolve("elsewhere")).built()).isFalse();
    }

    private static Path emptyJar(Path path, String mainClass) throws Exception {
        Files.createDirectories(path.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream out = Files.newOutputStream(path);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path.toAbsolutePath();
    }

    private LocalOptions.Builder options() {
        return LocalOptions.builder(Path.of("/repo")).dataDir(dataDir).listenAll(false);
    }

    private ServiceLauncher launcher(LocalOptions options) {
        DataFolder folder = new DataFolder(dataDir);
        return new ServiceLauncher(
                options,
                folder,
                JwtKeys.ensure(folder.keys()),
                new ServicePasswords(folder.secrets()),
                SandboxSmsToken.in(folder.secrets()),
                "jdbc:postgresql://127.0.0.1:15432/iopcare",
                "127.0.0.1:19092",
                new ClassDataArchives(false, folder.cds(), Path.of("java"), 17));
    }
}
