package org.iopcare.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of a log file, to show next to a failure without making the user go looking. */
final class LogTail {

    /** Lines shown when a component fails to start. */
    static final int LINES = 40;

    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {}

    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            // Logs of a failed Spring start can be long; the end is what explains the failure.
            long length = in.length();
            long from = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            Deque<String> last = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1)) {
                last.addLast(line);
                if (last.size() > lines + 1) {
                    last.removeFirst();
                }
            }
            if (!last.isEmpty() && last.peekLast().isEmpty()) {
                last.removeLast();
            }
            while (last.size() > lines) {
                last.removeFirst();
            }
            return String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
