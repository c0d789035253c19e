package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePasswordsTest {

    @TempDir
    Path dir;

    @Test
    void generatesAPasswordPerRoleOnceAndKeepsItPrivate() throws Exception {
        ServicePasswords passwords = new ServicePasswords(dir);

        String intake = passwords.of("intake");

        assertThat(intake).matches("[A-Za-z0-9_-]{32}");
        assertThat(passwords.of("scheduling")).isNotEqualTo(intake);
        assertThat(new ServicePasswords(dir).of("intake")).isEqualTo(intake);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("intake.password"))))
                .isEqualTo("rw-------");
    }
}
