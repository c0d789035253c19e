package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret kept in a file of the data folder (600): generated on first use, read back on every
 * later start, so whatever holds a copy (the database, a service) keeps agreeing across restarts.
 */
final class GeneratedSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecret() {}

    /** The secret in {@code file}, written there first if the file is missing or empty. */
    static synchronized String in(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            // URL-safe base64: no quotes or backslashes, so it can be used in SQL and env vars as is.
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            FilePermissions.writeSecret(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
