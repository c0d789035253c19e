package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Database passwords of the service roles: generated once per data folder and kept in its
 * {@code secrets/} directory (600), so the database and the services agree across restarts.
 */
final class ServicePasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    ServicePasswords(Path dir) {
        this.dir = dir;
    }

    /** The password of {@code role}, generated and stored on first use. */
    synchronized String of(String role) {
        Path file = dir.resolve(role + ".password");
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            Files.createDirectories(dir);
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            // URL-safe base64: no quotes or backslashes, so it can be used in SQL and env vars as is.
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            FilePermissions.writeSecret(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
