package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * No production jar holds the local run's tools (docs/adr/0012): every class of each service's and
 * the console's executable jar, in {@code BOOT-INF/classes} and in every {@code BOOT-INF/lib} jar,
 * is listed and none is a tool's or GreenMail's. The images are built from the same runtime
 * classpath. Runs after the services are packaged (this module comes after them in the reactor); a
 * missing jar fails it.
 */
class ProductionJarsIT {

    /**
     * The tools' packages, the migrations they seed and the sign-in page they render, the places they
     * had before (the console's persona sign-in was {@code org.iopcare.console.LocalSignIn}), and
     * GreenMail.
     */
    private static final List<String> LOCAL_ONLY = List.of(
            "org/iopcare/localtools/",
            "org/iopcare/intake/devtokens/",
            "org/iopcare/scheduling/devclock/",
            "org/iopcare/notification/sandbox/",
            "org/iopcare/console/LocalSignIn",
            "db/local/",
            "templates/sign-in.html",
            "com/icegreen/");

    @Test
    void noProductionJarHoldsALocalToolOrGreenMail() throws IOException {
        Path repo = TestPlatforms.repoRoot();
        assertThat(ServiceSpec.ALL).as("the console's jar is inspected too").contains(ServiceSpec.STAFF_CONSOLE);
        for (ServiceSpec service : ServiceSpec.ALL) {
            Path jar = repo.resolve(service.jar());
            assertThat(jar)
                    .as("%s is packaged before this test (./mvnw -B package -DskipTests)", service.name())
                    .isRegularFile();
            List<String> entries = entries(jar);

            assertThat(entries)
                    .as("%s's application classes and libraries are listed", service.name())
                    .anyMatch(name -> name.startsWith("BOOT-INF/classes/org/iopcare/"))
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/spring-core-") && name.contains("!org/"));
            assertThat(entries)
                    .as("%s holds no local-only class", service.name())
                    .noneMatch(ProductionJarsIT::localOnly);
        }
    }

    private static boolean localOnly(String entry) {
        String name = entry.contains("!") ? entry.substring(entry.indexOf('!') + 1) : entry;
        if (name.startsWith("BOOT-INF/classes/")) {
            name = name.substring("BOOT-INF/classes/".length());
        }
        String path = name;
        return LOCAL_ONLY.stream().anyMatch(path::startsWith)
                || entry.startsWith("BOOT-INF/lib/greenmail")
                || entry.startsWith("BOOT-INF/lib/local-tools");
    }

    /** The jar's own entries, and each nested jar's as {@code BOOT-INF/lib/x.jar!name}. */
    static List<String> entries(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
                if (entry.getName().startsWith("BOOT-INF/lib/")
                        && entry.getName().endsWith(".jar")) {
                    try (InputStream nested = zip.getInputStream(entry)) {
                        for (String name : centralDirectory(nested.readAllBytes())) {
                            names.add(entry.getName() + "!" + name);
                        }
                    }
                }
            }
        }
        return names;
    }

    /**
     * The names in a zip's central directory, read from its bytes (a nested jar is stored
     * uncompressed, so its directory is read without inflating its classes).
     */
    static List<String> centralDirectory(byte[] zip) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (buffer.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IOException("not a zip: no end of central directory");
        }
        int count = Short.toUnsignedInt(buffer.getShort(end + 10));
        int offset = buffer.getInt(end + 16);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (buffer.getInt(offset) != 0x02014b50) {
                throw new IOException("broken central directory at entry " + i);
            }
            int nameLength = Short.toUnsignedInt(buffer.getShort(offset + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(offset + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(offset + 32));
            names.add(new String(zip, offset + 46, nameLength, StandardCharsets.UTF_8));
            offset += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }
}
