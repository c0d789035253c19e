package org.iopcare.testsupport.fuzz;

import java.util.List;

/**
 * One request as it goes on the wire: the target is sent byte for byte (already percent-encoded,
 * or deliberately not), headers and body unvalidated. The fuzzer adds Host, Authorization,
 * Content-Length and Connection.
 */
public record FuzzRequest(
        MutationKind kind, String description, String method, String target, List<Header> headers, byte[] body) {

    public record Header(String name, String value) {}

    public FuzzRequest {
        headers = List.copyOf(headers);
    }

    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
}
