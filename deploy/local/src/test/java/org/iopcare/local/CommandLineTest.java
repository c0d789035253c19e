package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void startsByDefaultWithTheDefaults() {
        CommandLine line = parse();

        assertThat(line.action()).isEqualTo(CommandLine.Action.START);
        assertThat(line.options().services()).isEqualTo(ServiceSpec.ALL).contains(ServiceSpec.STAFF_CONSOLE);
        assertThat(line.options().readyTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(line.options().kafkaPort()).isEqualTo(19092);
        assertThat(line.options().postgresPort()).isEqualTo(15432);
        assertThat(line.options().fresh()).isFalse();
        assertThat(line.options().kafkaLibs()).isEqualTo(Path.of("/repo/deploy/local/target/kafka-libs"));
    }

    @Test
    void theServicesListenOnThisMachineOnlyUnlessListenAllIsGiven() {
        LocalOptions local = CommandLine.parse(
                        new String[0], LocalOptions.builder(REPO).listenAll(false))
                .options();
        assertThat(local.listenAll()).isFalse();
        assertThat(local.serviceAddress()).isEqualTo("127.0.0.1");

        LocalOptions open = parse("--listen-all").options();
        assertThat(open.listenAll()).isTrue();
        assertThat(open.serviceAddress()).isEqualTo("0.0.0.0");
        assertThat(CommandLine.USAGE).contains("--listen-all");
    }

    @Test
    void readsEveryOption() {
        CommandLine line = parse(
                "--fresh",
                "--data-dir",
                "/tmp/d",
                "--timeout=90",
                "--no-cds",
                "--infra-only",
                "--kafka-port",
                "29092",
                "--kafka-controller-port=29093",
                "--postgres-port",
                "25432");

        LocalOptions options = line.options();
        assertThat(options.fresh()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.classDataSharing()).isFalse();
        assertThat(options.services()).isEmpty();
        assertThat(options.kafkaPort()).isEqualTo(29092);
        assertThat(options.kafkaControllerPort()).isEqualTo(29093);
        assertThat(options.postgresPort()).isEqualTo(25432);
    }

    @Test
    void instancesOfEveryServiceOrOfTheServicesNamed() {
        assertThat(parse().options().serviceInstances()).isEqualTo(ServiceSpec.ALL);

        LocalOptions every = parse("--instances=2").options();
        assertThat(every.services()).as("the first instances").isEqualTo(ServiceSpec.ALL);
        assertThat(every.serviceInstances())
                .extracting(ServiceSpec::processName)
                .containsExactly(
                        "staff-console",
                        "intake-service",
                        "intake-service-2",
                        "scheduling-service",
                        "scheduling-service-2",
                        "treatment-plan-service",
                        "treatment-plan-service-2",
                        "notification-service",
                        "notification-service-2");
        assertThat(every.instances(ServiceSpec.STAFF_CONSOLE)).isEqualTo(1);
        assertThat(parse("--instances", "3").options().instances(ServiceSpec.SCHEDULING))
                .isEqualTo(3);

        LocalOptions some = parse("--instances=intake=2,notification=3").options();
        assertThat(some.serviceInstances())
                .extracting(ServiceSpec::processName, ServiceSpec::port)
                .containsExactly(
                        tuple("staff-console", 8080),
                        tuple("intake-service", 8081),
                        tuple("intake-service-2", 8181),
                        tuple("scheduling-service", 8082),
                        tuple("treatment-plan-service", 8083),
                        tuple("notification-service", 8084),
                        tuple("notification-service-2", 8184),
                        tuple("notification-service-3", 8284));
        assertThat(parse("--instances=2", "--instances=notification=1")
                        .options()
                        .instances(ServiceSpec.NOTIFICATION))
                .as("a count per service wins over the count for every service")
                .isEqualTo(1);
        assertThat(CommandLine.USAGE).contains("--instances N");
    }

    @Test
    void instancesAreOneToFourOfAServiceOfTheRun() {
        assertThatThrownBy(() -> parse("--instances=5")).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> parse("--instances=0")).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> parse("--instances=two")).hasMessageContaining("not two");
        assertThatThrownBy(() -> parse("--instances=intake")).hasMessageContaining("not intake");
        assertThatThrownBy(() -> parse("--instances=intake=2,")).hasMessageContaining("service=N");
        assertThatThrownBy(() -> parse("--instances=intake-service=2")).hasMessageContaining("intake, scheduling");
        assertThatThrownBy(() -> parse("--instances=staff-console=2")).hasMessageContaining("no service");
        assertThatThrownBy(() -> parse("--infra-only", "--instances=intake=2"))
                .hasMessageContaining("not a service of this run");
        assertThat(parse("--infra-only", "--instances=2").options().serviceInstances())
                .isEmpty();
        assertThatThrownBy(() -> parse("--instances")).hasMessageContaining("needs a value");
    }

    @Test
    void stopAndHelpAreActions() {
        assertThat(parse("stop", "--data-dir", "/x").action()).isEqualTo(CommandLine.Action.STOP);
        assertThat(parse("--help").action()).isEqualTo(CommandLine.Action.HELP);
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> parse("--frsh")).hasMessageContaining("--frsh");
        assertThatThrownBy(() -> parse("--data-dir")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("--kafka-port", "99999")).hasMessageContaining("Not a port");
    }

    private static CommandLine parse(String... args) {
        return CommandLine.parse(args, LocalOptions.builder(REPO).dataDir(Path.of("/repo/.local-data")));
    }
}
