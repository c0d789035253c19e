package org.iopcare.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Spring Boot's own extraction of a service's executable jar ({@code -Djarmode=tools extract}): a
 * thin jar plus {@code lib/}. It starts faster than the nested jar (measured alone on two cores:
 * 11 s instead of 18 s) and is what class-data sharing needs. Redone only when the executable jar
 * changed (size and time stamp).
 */
final class ExtractedApps {

    private static final String STAMP = ".source";

    private final Path java;
    private final Path dir;
    private final ClassDataArchives archives;
    private final LocalTools tools;

    /**
     * @param tools the local run's tools, part of every service's classpath: a change of them drops
     *     the service's class-data archive as a change of its own jar does
     */
    ExtractedApps(Path java, Path dir, ClassDataArchives archives, LocalTools tools) {
        this.java = java;
        this.dir = dir;
        this.archives = archives;
        this.tools = tools;
    }

    /**
     * The jar to run the service from: the extracted one, or the executable jar itself if it cannot
     * be extracted (that only costs start time).
     */
    Path prepare(ServiceSpec service, Path executableJar, Progress progress) {
        Path target = dir.resolve(service.name());
        try {
            String stamp = stamp(executableJar) + (LocalTools.runWith(service) ? tools.stamp() : "");
            Path stampFile = target.resolve(STAMP);
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
                Path existing = thinJar(target);
                if (existing != null) {
                    return existing;
                }
            }
            archives.invalidate(service);
            new DataFolder(target).delete();
            Files.createDirectories(target);
            Process extract = new ProcessBuilder(
                            java.toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-Djarmode=tools",
                            "-jar",
                            executableJar.toAbsolutePath().toString(),
                            "extract",
                            "--destination",
                            target.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                progress.line("  note    cannot extract " + executableJar.getFileName() + " (" + output.strip()
                        + "); running it as is");
                return executableJar;
            }
            Path thin = thinJar(target);
            if (thin == null) {
                return executableJar;
            }
            Files.writeString(stampFile, stamp);
            return thin;
        } catch (IOException e) {
            progress.line("  note    cannot extract " + executableJar.getFileName() + " (" + e.getMessage()
                    + "); running it as is");
            return executableJar;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executableJar;
        }
    }

    /**
     * What identifies a build of the jar. Not its time stamp alone: the build is reproducible
     * ({@code project.build.outputTimestamp}), so every rebuild has the same one. The inode change
     * time moves with every write and costs nothing to read; where the file system has none, a
     * digest of the content.
     */
    static String stamp(Path jar) throws IOException {
        String base = jar.toAbsolutePath() + " " + Files.size(jar) + " "
                + Files.getLastModifiedTime(jar).toMillis();
        try {
            Object changed = Files.getAttribute(jar, "unix:ctime");
            return base + " ctime " + changed;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return base + " sha256 " + sha256(jar);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path thinJar(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .toList();
            return jars.size() == 1 ? jars.get(0) : null;
        }
    }
}
