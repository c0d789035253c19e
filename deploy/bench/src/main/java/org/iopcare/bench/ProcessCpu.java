package org.iopcare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system, from {@code /proc/<pid>/stat}), in milliseconds: what
 * a request costs a service, whatever else shares the machine's cores. NaN where there is no such
 * file (another OS, or the process is gone).
 */
final class ProcessCpu {

    /** {@code getconf CLK_TCK} on Linux, where it is 100 on every architecture the JDK runs on. */
    private static final double MILLIS_PER_TICK = 10;

    private ProcessCpu() {}

    static double millis(Long pid) {
        if (pid == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
            // after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
