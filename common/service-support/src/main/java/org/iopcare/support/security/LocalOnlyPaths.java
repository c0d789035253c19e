package org.iopcare.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.iopcare.support.web.ProblemBodies;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside the local run, the local tools ({@code /dev/**}, {@code /sandbox/**}) do not exist: 404,
 * before authentication, so their absence looks the same to everyone.
 */
public class LocalOnlyPaths extends OncePerRequestFilter {

    private final ProblemSecurityHandlers writer;

    public LocalOnlyPaths(ProblemSecurityHandlers writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/dev/")
                || path.startsWith("/sandbox/")
                || path.equals("/dev")
                || path.equals("/sandbox")) {
            writer.write(response, ProblemBodies.notFound());
            return;
        }
        chain.doFilter(request, response);
    }
}
