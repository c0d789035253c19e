package org.iopcare.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository root: the jars, the Kafka classpath and the default data folder hang off it. */
final class RepoRoot {

    static final String PROPERTY = "iopcare.home";

    private RepoRoot() {}

    /** {@code -Diopcare.home} if given, else the nearest directory upwards that holds {@code mvnw}. */
    static Path locate(Path workingDirectory) {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        return search(workingDirectory)
                .orElseThrow(() ->
                        new IllegalStateException("Cannot find the IOP Care repository (a directory with mvnw) above "
                                + workingDirectory.toAbsolutePath() + "; run from inside the repository or pass -D"
                                + PROPERTY
                                + "=<path>"));
    }

    static Optional<Path> search(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
