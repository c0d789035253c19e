package org.iopcare.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The local run's tools ({@code deploy/local-tools}: intake's token desk, scheduling's movable clock
 * and seeded clinicians, notification's SMS sandbox and SMTP server, the staff console's persona
 * sign-in), which no production jar contains: the launcher appends them to the classpath of every
 * app it starts, and each app switches on its own in profile {@code local} (docs/adr/0012).
 *
 * <p>A training run of the class-data archive gets the same classpath as the runs that use the
 * archive; a change of the tools changes the stamp of the extracted apps, which drops the archives.
 */
final class LocalTools {

    /** The tools' jar, relative to the repository root. */
    static final Path JAR = Path.of("deploy", "local-tools", "target", "local-tools-0.1.0-SNAPSHOT.jar");

    /** The libraries the tools bring (GreenMail), relative to the repository root. */
    static final Path LIB = Path.of("deploy", "local-tools", "target", "lib");

    /** Spring Boot's launcher of an executable jar with extra classpath entries ({@code loader.path}). */
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Path repoRoot;

    LocalTools(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    /**
     * Whether the launcher gives {@code service} the tools: the four services and the console (whose
     * only tool is the persona sign-in) alike.
     */
    static boolean runWith(ServiceSpec service) {
        return switch (service.kind()) {
            case SERVICE, CONSOLE -> true;
        };
    }

    boolean built() {
        return Files.isRegularFile(repoRoot.resolve(JAR));
    }

    /** The tools' jar and its libraries, in a fixed order (a class-data archive records the order). */
    List<Path> classpath() {
        List<Path> entries = new ArrayList<>();
        entries.add(repoRoot.resolve(JAR).toAbsolutePath());
        Path lib = repoRoot.resolve(LIB);
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                        .map(Path::toAbsolutePath)
                        .sorted()
                        .forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    /**
     * How to start {@code jar} with the tools: an extracted thin jar as a plain classpath and its
     * main class, which is what a class-data archive can map; the executable jar itself (when it
     * could not be extracted) through {@link #PROPERTIES_LAUNCHER} with the tools as {@code
     * loader.path}.
     */
    List<String> javaArguments(Path jar, boolean executable) throws IOException {
        List<Path> tools = classpath();
        if (executable) {
            List<String> arguments = new ArrayList<>();
            arguments.add("-Dloader.path="
                    + String.join(",", tools.stream().map(Path::toString).toList()));
            arguments.addAll(List.of("-cp", jar.toAbsolutePath().toString(), PROPERTIES_LAUNCHER));
            return arguments;
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(jar.toAbsolutePath().toString());
        tools.forEach(entry -> classpath.add(entry.toString()));
        return List.of("-cp", String.join(File.pathSeparator, classpath), mainClass(jar));
    }

    /** What a change of the tools adds to the stamp of an extracted app ({@link ExtractedApps}). */
    String stamp() throws IOException {
        StringBuilder stamp = new StringBuilder();
        for (Path entry : classpath()) {
            stamp.append(" + ").append(ExtractedApps.stamp(entry));
        }
        return stamp.toString();
    }

    static String mainClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null || main.isBlank()) {
                throw new IOException(jar + " names no Main-Class");
            }
            return main;
        }
    }
}
