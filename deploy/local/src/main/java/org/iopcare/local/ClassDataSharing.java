package org.iopcare.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Class-data sharing archives of the services: the classes a service loaded on one run are mapped
 * from an archive on the next, which saves much of a Spring Boot start on two cores. The archive is
 * a cache: when it is missing, stale or unusable the JVM starts without it (never with an error).
 *
 * <ul>
 *   <li>JDK 19 and later: {@code -XX:+AutoCreateSharedArchive}, which writes the archive at exit and
 *       rewrites it when the jars changed.
 *   <li>JDK 17/18: {@code -XX:ArchiveClassesAtExit} on a run without an archive, written to a
 *       temporary name and kept only if the service exited normally (a killed JVM may leave half a
 *       file); {@code -XX:SharedArchiveFile} on the runs after.
 * </ul>
 *
 * Only classes read from plain jars can be archived, so services run from extracted jars
 * ({@link ExtractedApps}).
 */
final class ClassDataSharing {

    private final boolean enabled;
    private final int javaFeature;
    private final Path dir;

    ClassDataSharing(boolean enabled, int javaFeature, Path dir) {
        this.enabled = enabled;
        this.javaFeature = javaFeature;
        this.dir = dir;
    }

    boolean enabled() {
        return enabled;
    }

    List<String> jvmOptions(ServiceSpec service) {
        if (!enabled) {
            return List.of();
        }
        // Archive diagnostics go to the service's log only when they are errors; the JDK otherwise
        // lists every class it could not archive.
        String quiet = "-Xlog:cds=error,cds+dynamic=error,class+path=error";
        if (javaFeature >= 19) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive(service), quiet);
        }
        if (Files.isRegularFile(archive(service))) {
            return List.of("-XX:SharedArchiveFile=" + archive(service), quiet);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + pending(service), quiet);
    }

    /** After the service stopped: keep the archive it wrote only if it exited on its own terms. */
    void afterExit(ServiceSpec service, boolean graceful) {
        if (!enabled || javaFeature >= 19) {
            return;
        }
        Path pending = pending(service);
        try {
            if (graceful && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive(service), StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException e) {
            // a cache: the next run makes a new one
        }
    }

    /** The service's jars changed: its archive describes classes that no longer exist. */
    void invalidate(ServiceSpec service) {
        try {
            Files.deleteIfExists(archive(service));
            Files.deleteIfExists(pending(service));
        } catch (IOException e) {
            // the JVM rejects a stale archive on its own
        }
    }

    private Path archive(ServiceSpec service) {
        return dir.resolve(service.name() + ".jsa");
    }

    private Path pending(ServiceSpec service) {
        return dir.resolve(service.name() + ".jsa.new");
    }
}
