package org.iopcare.testports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test starts (a service, Kafka, PostgreSQL, an SMTP server), safe to hand
 * to a process that binds them seconds later.
 *
 * <p>Binding port 0 and closing the socket hands out a port from the kernel's ephemeral range,
 * which any outgoing connection may take before the server binds it ("Port … was already in
 * use"). These ports come from outside that range, where only servers that ask for a port by
 * number bind, and each is reserved for the life of this JVM: a lock file per port under the temp
 * directory, held open, so two test JVMs of one build never pick the same port; a bind check skips
 * ports that something else already listens on.
 */
public final class TestPorts {

    /** Below this are well-known ports and the local run's defaults (8081–8084, 15432, 19092 …). */
    static final int LOWEST = 20000;

    static final Path LOCK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "iopcare-test-ports");

    /** Held until the JVM exits: releasing a lock would let another JVM pick a port still in use here. */
    private static final Map<Integer, FileLock> HELD = new ConcurrentHashMap<>();

    private TestPorts() {}

    /** One reserved port. */
    public static int reserve() {
        return reserve(1)[0];
    }

    /** {@code count} different reserved ports. */
    public static int[] reserve(int count) {
        List<Integer> candidates = candidates(EphemeralRange.ofThisMachine());
        return reserve(count, candidates, ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    /** The ports at or above {@link #LOWEST} that the kernel never hands out on its own. */
    static List<Integer> candidates(EphemeralRange ephemeral) {
        List<Integer> ports = new ArrayList<>();
        for (int port = LOWEST; port <= 65535; port++) {
            if (!ephemeral.contains(port)) {
                ports.add(port);
            }
        }
        if (ports.isEmpty()) {
            throw new IllegalStateException("No ports outside the ephemeral range " + ephemeral.first() + "-"
                    + ephemeral.last() + " above " + LOWEST);
        }
        return ports;
    }

    /** Walks the candidates from {@code start} (random, so that JVMs seldom contend for the same). */
    static int[] reserve(int count, List<Integer> candidates, int start) {
        int[] ports = new int[count];
        int found = 0;
        for (int i = 0; i < candidates.size() && found < count; i++) {
            int port = candidates.get((start + i) % candidates.size());
            if (lock(port) && bindable(port)) {
                ports[found++] = port;
            }
        }
        if (found < count) {
            throw new IllegalStateException("Only " + found + " of " + count + " free ports found");
        }
        return ports;
    }

    /** Takes the port's lock file; false if this JVM or another one holds it already. */
    private static boolean lock(int port) {
        if (HELD.containsKey(port)) {
            return false;
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(LOCK_DIR);
            channel = FileChannel.open(
                    LOCK_DIR.resolve(port + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return false;
            }
            if (HELD.putIfAbsent(port, lock) != null) {
                lock.release();
                channel.close();
                return false;
            }
            return true;
        } catch (OverlappingFileLockException e) {
            // another thread of this JVM is taking the same port right now
            close(channel);
            return false;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Cannot lock a port file in " + LOCK_DIR, e);
        }
    }

    /** Nothing listens on it, on any address (a wildcard bind conflicts with every listener). */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // it held no lock
        }
    }
}
