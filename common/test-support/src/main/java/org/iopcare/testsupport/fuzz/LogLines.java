package org.iopcare.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds, for each violation, the service's log line about it (by trace id) and the exception named there. */
final class LogLines {

    private static final Pattern EXCEPTION =
            Pattern.compile("\\b((?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error))\\b");
    private static final Pattern UNHANDLED = Pattern.compile("Unhandled (\\S+) at (\\S+)");

    private LogLines() {}

    static List<Violation> attach(List<Violation> violations, String log) {
        if (log == null || log.isEmpty()) {
            return violations;
        }
        String[] lines = log.split("\n");
        List<Violation> attached = new ArrayList<>();
        for (Violation v : violations) {
            String found = v.traceId() == null || v.status() < 500 ? null : exceptionFor(v.traceId(), lines);
            attached.add(found == null ? v : v.withDetail("log: " + found));
        }
        return attached;
    }

    private static String exceptionFor(String traceId, String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(traceId)) {
                Matcher unhandled = UNHANDLED.matcher(lines[i]);
                if (unhandled.find()) {
                    return unhandled.group(1) + " at " + unhandled.group(2);
                }
                // A stack trace follows its log line without the trace id.
                for (int j = i; j < Math.min(lines.length, i + 3); j++) {
                    Matcher exception = EXCEPTION.matcher(lines[j]);
                    if (exception.find()) {
                        return exception.group(1);
                    }
                }
            }
        }
        return null;
    }
}
