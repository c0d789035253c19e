package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessSessionTest {

    static final List<String> COMMAND = List.of("/usr/bin/java", "-cp", "lib/*", "Main");

    @Test
    void linuxUsesSetsid() {
        ProcessSession session =
                ProcessSession.choose(Set.of(Path.of("/usr/bin/setsid"), Path.of("/usr/bin/perl"))::contains);
        assertThat(session).isEqualTo(new ProcessSession.Setsid(Path.of("/usr/bin/setsid")));
        assertThat(session.wrap(COMMAND)).containsExactly("/usr/bin/setsid", "/usr/bin/java", "-cp", "lib/*", "Main");
    }

    /** A Mac: no setsid command, the system's perl. */
    @Test
    void macOsUsesPerlsSetsid() {
        ProcessSession session = ProcessSession.choose(Set.of(Path.of("/usr/bin/perl"))::contains);
        assertThat(session).isEqualTo(new ProcessSession.PerlSetsid(Path.of("/usr/bin/perl")));
        assertThat(session.wrap(COMMAND))
                .startsWith("/usr/bin/perl", "-MPOSIX", "-e", ProcessSession.PerlSetsid.SCRIPT, "--")
                .endsWith(COMMAND.toArray(String[]::new));
    }

    @Test
    void withNeitherTheCommandRunsAsItIs() {
        ProcessSession session = ProcessSession.choose(path -> false);
        assertThat(session.wrap(COMMAND)).isEqualTo(COMMAND);
    }

    /** The macOS way, run here (perl is on Linux too): the command leads a session of its own, pid kept. */
    @Test
    void perlsWayStartsTheCommandInANewSessionUnderItsOwnPid() throws IOException, InterruptedException {
        ProcessSession perl = new ProcessSession.PerlSetsid(Path.of("/usr/bin/perl"));
        Process process = new ProcessBuilder(perl.wrap(List.of("/bin/sh", "-c", "echo $$; ps -o sid= -p $$")))
                .redirectErrorStream(true)
                .start();
        String[] output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .strip()
                .split("\\s+");
        assertThat(process.waitFor()).isZero();
        assertThat(output).hasSize(2);
        assertThat(Long.parseLong(output[0]))
                .as("the pid Java knows is the command's")
                .isEqualTo(process.pid());
        assertThat(output[1]).as("session id = its own pid").isEqualTo(output[0]);
    }
}
