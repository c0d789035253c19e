package org.iopcare.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Every file under a folder, searched line by line, case-insensitively, for any of some strings. */
final class LogScan {

    private LogScan() {}

    /** The files searched (so a test can show that there were some). */
    static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file:line: text} of every line holding one of {@code needles} (lower case). */
    static List<String> find(Path folder, List<String> needles) {
        List<String> found = new ArrayList<>();
        for (Path file : files(folder)) {
            List<String> lines;
            try {
                // Latin-1 reads any byte: a binary or half-written line is searched, not refused
                lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).toLowerCase(Locale.ROOT);
                if (needles.stream().anyMatch(line::contains)) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + abbreviate(lines.get(i)));
                }
            }
        }
        return found;
    }

    private static String abbreviate(String line) {
        return line.length() <= 400 ? line : line.substring(0, 400) + " ...";
    }
}
