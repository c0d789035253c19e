package org.iopcare.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem bodies shared by MVC, the filters, the security filter chain and the container's error
 * pages. None of them repeats anything the client sent: not the path, not a value.
 */
public final class ProblemBodies {

    private static final String TYPE_BASE = "https://iopcare.org/problems/";

    private ProblemBodies() {}

    public static ProblemDetail unauthorized() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer token is required");
    }

    public static ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this request");
    }

    public static ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No resource at this path");
    }

    public static ProblemDetail payloadTooLarge() {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "content-too-large",
                "Content too large",
                "The request body is larger than this service accepts");
    }

    public static ProblemDetail unreadableParameters() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "The query string or form could not be decoded");
    }

    public static ProblemDetail malformedUrl() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request URL",
                "The request URL is not in a form this service accepts");
    }

    public static ProblemDetail auditUnavailable() {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "audit-unavailable",
                "Service unavailable",
                "The access could not be recorded in the audit trail, so it was not carried out; try again later");
    }

    /** A status the container or a framework decided, with a fixed text for its class of error. */
    public static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            known = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(known, genericDetail(known));
        problem.setTitle(known.getReasonPhrase());
        return problem;
    }

    static String genericDetail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This endpoint does not support the request method";
            case UNSUPPORTED_MEDIA_TYPE -> "This endpoint does not accept the request's content type";
            case NOT_ACCEPTABLE -> "This endpoint cannot answer in an accepted media type";
            case CONTENT_TOO_LARGE -> "The request body is larger than this service accepts";
            case UNAUTHORIZED -> "A valid bearer token is required";
            case FORBIDDEN -> "Your role does not allow this request";
            default ->
                status.is5xxServerError()
                        ? "The request could not be completed. It has been logged."
                        : "The request is not in a form this service accepts";
        };
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
