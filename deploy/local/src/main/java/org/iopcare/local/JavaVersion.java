package org.iopcare.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The feature release (17, 25, ...) of a {@code java} binary, read from its JDK's {@code release} file. */
final class JavaVersion {

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(1\\.)?(\\d+)", Pattern.MULTILINE);

    private JavaVersion() {}

    static int feature(Path java) {
        Path home = java.toAbsolutePath().getParent() == null
                ? null
                : java.toAbsolutePath().getParent().getParent();
        if (home != null) {
            try {
                Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(2));
                }
            } catch (IOException | RuntimeException e) {
                // fall through: most often the launcher's own Java is the one
            }
        }
        return Runtime.version().feature();
    }
}
