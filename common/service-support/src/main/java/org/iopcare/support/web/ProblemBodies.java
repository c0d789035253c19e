package org.iopcare.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem bodies shared by MVC and the security filter chain. */
public final class ProblemBodies {

    private ProblemBodies() {}

    public static ProblemDetail unauthorized() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
        problem.setType(URI.create("https://iopcare.org/problems/unauthorized"));
        problem.setTitle("Unauthorized");
        return problem;
    }

    public static ProblemDetail forbidden() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this request");
        problem.setType(URI.create("https://iopcare.org/problems/forbidden"));
        problem.setTitle("Forbidden");
        return problem;
    }

    public static ProblemDetail notFound(String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No resource at " + path);
        problem.setTitle("Not Found");
        return problem;
    }
}
