package org.iopcare.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the broker and the services in a session of their own (setsid), where there is one. Ctrl-C
 * in the terminal signals the whole foreground process group; detached, the children are left to the
 * launcher, which stops them in order: services first, then Kafka, then PostgreSQL. (pg_ctl detaches
 * PostgreSQL itself.)
 */
final class DetachedProcess {

    private static final Path SETSID = findSetsid();

    private DetachedProcess() {}

    static Process start(List<String> command, Map<String, String> environment, Path workingDir, Path log)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (SETSID != null) {
            // setsid execs in place (a child of the JVM is never a group leader), so the pid is the JVM's.
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workingDir.toFile());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        return builder.start();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Path findSetsid() {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/local/bin"}) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
