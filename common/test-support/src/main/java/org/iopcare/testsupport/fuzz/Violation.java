package org.iopcare.testsupport.fuzz;

/**
 * One request answered against the rules: an error status, a 4xx that is not a problem response,
 * no response at all, or a refused write that changed stored state.
 */
public record Violation(
        String operation,
        MutationKind kind,
        String mutation,
        String rule,
        int status,
        String contentType,
        String traceId,
        String detail) {

    /** One line for the report; {@code detail} carries the response excerpt or the state difference. */
    public String line() {
        return operation + " | " + mutation + " | " + rule + " | status " + (status == 0 ? "none" : status)
                + " | " + (contentType == null ? "no content type" : contentType)
                + (detail == null || detail.isBlank() ? "" : " | " + detail.replaceAll("\\s+", " "));
    }

    Violation withDetail(String more) {
        return new Violation(
                operation,
                kind,
                mutation,
                rule,
                status,
                contentType,
                traceId,
                detail == null || detail.isBlank() ? more : detail + " | " + more);
    }
}
