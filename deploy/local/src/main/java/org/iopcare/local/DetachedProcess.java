package org.iopcare.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts the broker and the services in a session of their own ({@link ProcessSession}: setsid on
 * Linux, perl's setsid on macOS), where the machine offers one. Ctrl-C in the terminal signals the
 * whole foreground process group; detached, the children are left to the launcher, which stops them
 * in order: services first, then Kafka, then PostgreSQL. (pg_ctl detaches PostgreSQL itself.)
 */
final class DetachedProcess {

    private static final ProcessSession SESSION = ProcessSession.ofThisMachine();

    private DetachedProcess() {}

    static Process start(List<String> command, Map<String, String> environment, Path workingDir, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(SESSION.wrap(command)).directory(workingDir.toFile());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        return builder.start();
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
