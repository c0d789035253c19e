package org.iopcare.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A domain refusal that becomes an RFC 9457 problem response. The detail is shown to staff apps, so
 * it names fields and rules, never a client's data.
 */
public class ProblemException extends ErrorResponseException {

    private static final String TYPE_BASE = "https://iopcare.org/problems/";

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    /** The detail names the kind of record only: the id came from the client's request. */
    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " does not exist");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, "Request cannot be processed", detail);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
