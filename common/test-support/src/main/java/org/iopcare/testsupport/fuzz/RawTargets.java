package org.iopcare.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Request lines no client library would send (it would encode or refuse them), written straight
 * to the socket. Each must still be answered with a 4xx problem response, never a 5xx or an HTML
 * error page.
 */
final class RawTargets {

    private RawTargets() {}

    /** Malformed targets under the given API prefix (e.g. "/api"), each as a full GET request line. */
    static List<String[]> requestLines(String prefix) {
        List<String[]> lines = new ArrayList<>();
        for (String target : new String[] {
            prefix + "/clients/%00",
            prefix + "/%2F..",
            prefix + "/a|b",
            prefix + "/%5C",
            prefix + "/clients/%2e%2e/%2e%2e/actuator/env",
            prefix + "/clients/..;/..;/actuator/env",
            prefix + "/clients/%C0%AE%C0%AE",
            prefix + "/clients/%ZZ",
            prefix + "/clients/%",
            prefix + "//clients",
            prefix + "/clients/x;jsessionid=1",
            prefix + "/clients/x?%=1",
            prefix + "/clients/x?a=%ff%fe",
            prefix + "/clients/" + "z".repeat(10_000),
            prefix + "/clients/a b",
            prefix + "/clients/{id}",
            prefix + "/clients/\"><script>",
            prefix + "/clients/é",
            "http://evil.example" + prefix + "/clients",
            "*"
        }) {
            String shown =
                    target.length() > 60 ? target.substring(0, 40) + "… (" + target.length() + " chars)" : target;
            lines.add(new String[] {"GET " + shown, "GET " + target + " HTTP/1.1"});
        }
        lines.add(new String[] {"unknown method FOO", "FOO " + prefix + "/clients HTTP/1.1"});
        lines.add(new String[] {"TRACE", "TRACE " + prefix + "/clients HTTP/1.1"});
        lines.add(new String[] {"HTTP/1.0 without Host", "GET " + prefix + "/clients HTTP/1.0"});
        // No unknown HTTP version: 505 is the right answer to one (RFC 9110 15.6.6), and Tomcat gives it.
        lines.add(new String[] {"raw NUL in target", "GET " + prefix + "/clients/a\u0000b HTTP/1.1"});
        lines.add(new String[] {"raw TAB in target", "GET " + prefix + "/clients/a\tb HTTP/1.1"});
        return lines;
    }
}
