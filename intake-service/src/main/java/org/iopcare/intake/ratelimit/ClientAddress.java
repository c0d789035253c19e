package org.iopcare.intake.ratelimit;

import java.util.List;
import java.util.Set;

/**
 * The address a request came from. {@code X-Forwarded-For} is believed only when the peer is a
 * trusted proxy; then the right-most entry that is not itself a trusted proxy is the client (the
 * left part of the header is whatever the client wrote and may be spoofed).
 */
final class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(String remoteAddr, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddr)) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddr;
    }
}
