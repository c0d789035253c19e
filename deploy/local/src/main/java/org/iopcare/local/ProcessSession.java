package org.iopcare.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a child process gets a session of its own on this machine, so that Ctrl-C in the terminal
 * reaches the launcher alone and the launcher stops the children in order. Each way execs the
 * command in place, so the started process's pid is the command's.
 */
sealed interface ProcessSession {

    /** The command line that runs {@code command} in a new session. */
    List<String> wrap(List<String> command);

    /** Linux: util-linux's {@code setsid}. */
    record Setsid(Path setsid) implements ProcessSession {
        @Override
        public List<String> wrap(List<String> command) {
            return prepend(List.of(setsid.toString()), command);
        }
    }

    /** macOS, which has no {@code setsid} command: perl's {@code POSIX::setsid}, then exec. */
    record PerlSetsid(Path perl) implements ProcessSession {
        static final String SCRIPT =
                "POSIX::setsid() or die \"setsid: $!\"; exec { $ARGV[0] } @ARGV or die \"exec: $!\"";

        @Override
        public List<String> wrap(List<String> command) {
            return prepend(List.of(perl.toString(), "-MPOSIX", "-e", SCRIPT, "--"), command);
        }
    }

    /**
     * Neither: the children stay in the launcher's process group, so Ctrl-C reaches them at once;
     * the launcher's shutdown still stops whatever is left, in order.
     */
    record SameGroup() implements ProcessSession {
        @Override
        public List<String> wrap(List<String> command) {
            return List.copyOf(command);
        }
    }

    /** The way this machine offers. */
    static ProcessSession ofThisMachine() {
        return choose(Files::isExecutable);
    }

    /** setsid where it is installed (Linux; Homebrew's util-linux on a Mac), else perl (macOS ships it), else none. */
    static ProcessSession choose(Predicate<Path> executable) {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"}) {
            Path setsid = Path.of(dir, "setsid");
            if (executable.test(setsid)) {
                return new Setsid(setsid);
            }
        }
        Path perl = Path.of("/usr/bin", "perl");
        return executable.test(perl) ? new PerlSetsid(perl) : new SameGroup();
    }

    private static List<String> prepend(List<String> prefix, List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        return full;
    }
}
