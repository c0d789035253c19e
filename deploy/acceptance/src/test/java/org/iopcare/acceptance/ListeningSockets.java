package org.iopcare.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The TCP sockets in LISTEN state on this machine, as the kernel lists them in {@code /proc/net/tcp}
 * and {@code /proc/net/tcp6} (what {@code ss -ltn} shows), with their local address.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    /**
     * One listening socket.
     *
     * @param address the local address as {@code ss} prints it: {@code 127.0.0.1}, {@code 0.0.0.0},
     *     {@code ::}, {@code ::1}, {@code ::ffff:127.0.0.1}, or the hex of another IPv6 address
     * @param port the port
     */
    record Socket(String address, int port) {

        /** Reachable from this machine only. */
        boolean isLoopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }
    }

    private ListeningSockets() {}

    static List<Socket> now() {
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                sockets.addAll(parse(Files.readAllLines(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sockets;
    }

    static List<Socket> on(int port) {
        return now().stream().filter(s -> s.port() == port).toList();
    }

    static List<Socket> parse(List<String> lines) {
        List<Socket> sockets = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 4 || !fields[3].equals(LISTEN)) {
                continue;
            }
            String[] local = fields[1].split(":");
            sockets.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16)));
        }
        return sockets;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            return ipv4(hex);
        }
        String upper = hex.toUpperCase(Locale.ROOT);
        if (upper.equals("0".repeat(32))) {
            return "::";
        }
        if (upper.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        if (upper.startsWith("0000000000000000FFFF0000")) {
            return "::ffff:" + ipv4(upper.substring(24));
        }
        return upper;
    }

    private static String ipv4(String hex) {
        long value = Long.parseLong(hex, 16);
        return (value & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + ((value >> 16) & 0xFF) + "."
                + ((value >> 24) & 0xFF);
    }
}
