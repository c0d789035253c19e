package org.iopcare.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses a request's parameters (query string and form body) before anything else asks for them.
 * The container refuses a query or form it cannot decode, or a form above {@code
 * server.tomcat.max-http-form-post-size}, with an exception at the first parameter lookup, which
 * would otherwise surface inside a controller (or the SMS webhooks' signature check) as a 500; here
 * it becomes a 400 or 413 problem and nothing runs.
 */
class RequestParameters extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestParameters(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException e) {
            boolean tooLarge = e instanceof InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
            problems.write(response, tooLarge ? ProblemBodies.payloadTooLarge() : ProblemBodies.unreadableParameters());
            return;
        }
        chain.doFilter(request, response);
    }
}
