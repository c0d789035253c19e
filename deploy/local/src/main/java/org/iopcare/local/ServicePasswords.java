package org.iopcare.local;

import java.nio.file.Path;

/**
 * Database passwords of the service roles: generated once per data folder and kept in its
 * {@code secrets/} directory (600), so the database and the services agree across restarts.
 */
final class ServicePasswords {

    private final Path dir;

    ServicePasswords(Path dir) {
        this.dir = dir;
    }

    /** The password of {@code role}, generated and stored on first use. */
    String of(String role) {
        return GeneratedSecret.in(dir.resolve(role + ".password"));
    }
}
