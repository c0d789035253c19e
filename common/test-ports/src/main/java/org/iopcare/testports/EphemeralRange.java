package org.iopcare.testports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ports the kernel hands out for outgoing connections and for binding port 0. A test server
 * given a port from this range can lose it to any connection opened before it binds (a Kafka
 * client, a JDBC pool), so test ports are taken from outside it.
 *
 * @param first the lowest ephemeral port
 * @param last the highest ephemeral port
 */
record EphemeralRange(int first, int last) {

    static final Path LINUX = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /**
     * Where the kernel does not say (not Linux): Linux's default range joined with IANA's
     * (49152–65535, macOS and Windows), so the ports chosen are outside both.
     */
    static final EphemeralRange UNKNOWN = new EphemeralRange(32768, 65535);

    static EphemeralRange ofThisMachine() {
        return of(LINUX);
    }

    static EphemeralRange of(Path file) {
        try {
            return Files.isReadable(file) ? parse(Files.readString(file)) : UNKNOWN;
        } catch (IOException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** {@code "32768\t60999\n"}, as {@code ip_local_port_range} holds it. */
    static EphemeralRange parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Not a port range: " + text);
        }
        int first = Integer.parseInt(parts[0]);
        int last = Integer.parseInt(parts[1]);
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("Not a port range: " + text);
        }
        return new EphemeralRange(first, last);
    }

    boolean contains(int port) {
        return port >= first && port <= last;
    }
}
