package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
