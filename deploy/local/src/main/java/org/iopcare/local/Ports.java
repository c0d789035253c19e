package org.iopcare.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks up front that the ports of the run are free, so a clash is named instead of found in a log. */
final class Ports {

    private Ports() {}

    static void requireFree(Map<String, Integer> portsByUse) {
        List<String> taken = new ArrayList<>();
        portsByUse.forEach((use, port) -> {
            if (!isFree(port)) {
                taken.add(port + " (" + use + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new StartupException("Ports in use by another program: " + String.join(", ", taken)
                    + ". Stop it, or run ./run-local.sh stop if it is an earlier local run with another data folder.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Reuse-address as the servers themselves bind: a port in TIME_WAIT is free for them too.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
