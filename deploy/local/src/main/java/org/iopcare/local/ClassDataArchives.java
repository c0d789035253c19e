package org.iopcare.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Class-data sharing archives of the services: the classes a service loads while it starts are
 * mapped from an archive instead of being read, verified and parsed again, which saves about a third
 * of a start on two cores (measured on Java 17, four services from extracted jars, busy machine:
 * 37-41 s until all were ready without archives, 26-28 s with them).
 *
 * <p>On Java 17-24 the archive is a static one, written from the class list of a training run
 * ({@link #dumpOptions}); from Java 25 on, it is an AOT cache ({@code -XX:AOTCacheOutput} /
 * {@code -XX:AOTCache}).
 *
 * <p>An archive is a cache. A service without one starts as usual; {@link ArchiveTraining} records
 * one in the background once the platform is up; a stale or unusable archive makes the JVM start
 * without it (never with an error). Archives are kept per JDK (they only fit the JVM that wrote them)
 * and dropped when a service's jar changes.
 *
 * <p>Why not write the archive when the service stops ({@code -XX:ArchiveClassesAtExit} on a normal
 * run, or {@code -XX:+AutoCreateSharedArchive})? Writing one takes 11-15 s per service on two
 * cores; four of them at once would turn the first Ctrl-C into a minute or a killed JVM.
 */
final class ClassDataArchives {

    private static final String QUIET = "-Xlog:cds=error,cds+dynamic=error,class+path=error";
    private static final String QUIET_AOT = "-Xlog:aot=error,cds=error,class+path=error";

    private final boolean enabled;
    private final boolean aotCache;
    private final Path dir;

    /**
     * @param javaFeature the services' Java: from 25 on the archive is an AOT cache (JEP 483/514),
     *     which also keeps classes linked and was a further fifth faster here (one service alone:
     *     4.7 s instead of 5.9 s with a dynamic CDS archive, 9.5 s without either)
     */
    ClassDataArchives(boolean enabled, Path cdsRoot, Path java, int javaFeature) {
        this.enabled = enabled;
        this.aotCache = javaFeature >= 25;
        this.dir = cdsRoot.resolve(jdkKey(java));
    }

    boolean enabled() {
        return enabled;
    }

    boolean has(ServiceSpec service) {
        return enabled && Files.isRegularFile(archive(service));
    }

    /** Options for a normal run: use the archive if there is one. */
    List<String> jvmOptions(ServiceSpec service) {
        if (!has(service)) {
            return List.of();
        }
        return aotCache
                ? List.of("-XX:AOTCache=" + archive(service), QUIET_AOT)
                : List.of("-XX:SharedArchiveFile=" + archive(service), QUIET);
    }

    /**
     * Options for a training run: start the application context, exit right after it is refreshed
     * (before the web server, listeners and schedulers start: no port, no consumer), and write the
     * AOT cache (Java 25) or the list of the classes it loaded (Java 17-24, for {@link #dumpOptions}).
     */
    List<String> trainingOptions(ServiceSpec service) {
        return aotCache
                ? List.of("-XX:AOTCacheOutput=" + pending(service), "-Dspring.context.exit=onRefresh", QUIET_AOT)
                : List.of("-XX:DumpLoadedClassList=" + classList(service), "-Dspring.context.exit=onRefresh", QUIET);
    }

    /**
     * After a training run that exited normally, the options of the JVM that writes the archive from
     * it, with the same classpath; none for an AOT cache, which the training run wrote itself.
     *
     * <p>Java 17-24 get a static archive ({@code -Xshare:dump}) of the JDK's and the service's
     * classes from the class list, not a dynamic one ({@code -XX:ArchiveClassesAtExit}): the JDK 17
     * here (17.0.15) crashes writing a dynamic archive of any of the services, in
     * {@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary} (as JDK-8274944). The
     * list's lambda lines ({@code @lambda-proxy}, {@code @lambda-form-invoker}) are left out, so the
     * dump never takes that path; the lambdas' classes are generated at start as without an archive.
     */
    List<String> dumpOptions(ServiceSpec service) throws IOException {
        if (aotCache) {
            return List.of();
        }
        Path list = classList(service);
        List<String> classes;
        try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
            classes = lines.filter(line -> !line.startsWith("@")).toList();
        }
        Files.write(list, classes, StandardCharsets.UTF_8);
        return List.of(
                "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + pending(service), QUIET);
    }

    /** After a training run that exited normally: the archive it wrote becomes the one in use. */
    boolean promote(ServiceSpec service) {
        Path pending = pending(service);
        try {
            if (Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive(service), StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(classList(service));
                return true;
            }
        } catch (IOException e) {
            // a cache: the next run trains again
        }
        discardPending(service);
        return false;
    }

    void discardPending(ServiceSpec service) {
        try {
            Files.deleteIfExists(pending(service));
            Files.deleteIfExists(classList(service));
            // the AOT cache's training data, left behind when its writer was killed
            Files.deleteIfExists(
                    pending(service).resolveSibling(pending(service).getFileName() + ".config"));
        } catch (IOException e) {
            // a cache
        }
    }

    /** The service's jars changed: its archive describes classes that are no longer there. */
    void invalidate(ServiceSpec service) {
        try {
            Files.deleteIfExists(archive(service));
        } catch (IOException e) {
            // the JVM rejects a stale archive on its own
        }
        discardPending(service);
    }

    void prepare() throws IOException {
        Files.createDirectories(dir);
    }

    Path archive(ServiceSpec service) {
        return dir.resolve(service.name() + (aotCache ? ".aot" : ".jsa"));
    }

    private Path pending(ServiceSpec service) {
        return dir.resolve(service.name() + (aotCache ? ".aot.new" : ".jsa.new"));
    }

    private Path classList(ServiceSpec service) {
        return dir.resolve(service.name() + ".classlist");
    }

    /** A folder name per JDK build: its version and vendor from the {@code release} file, and its path. */
    static String jdkKey(Path java) {
        String version = "unknown";
        Path home = java.toAbsolutePath().getParent() == null
                ? null
                : java.toAbsolutePath().getParent().getParent();
        if (home != null) {
            try {
                String release = Files.readString(home.resolve("release"), StandardCharsets.UTF_8);
                version = value(release, "JAVA_RUNTIME_VERSION", value(release, "JAVA_VERSION", version));
            } catch (IOException e) {
                // keyed by path alone
            }
        }
        String key = version.replaceAll("[^A-Za-z0-9._+-]", "_") + "-"
                + Integer.toHexString(
                        java.toAbsolutePath().normalize().toString().hashCode());
        return key;
    }

    private static String value(String release, String name, String fallback) {
        Matcher matcher =
                Pattern.compile("^" + name + "=\"([^\"]*)\"", Pattern.MULTILINE).matcher(release);
        return matcher.find() ? matcher.group(1) : fallback;
    }
}
