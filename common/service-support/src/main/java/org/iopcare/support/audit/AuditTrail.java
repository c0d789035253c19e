package org.iopcare.support.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every API request a staff member makes: who (token subject and roles), what (method,
 * endpoint pattern and the ids in the path), when, from where, and the outcome. Ids are opaque, so
 * the trail itself holds no health information. Anonymous requests (the public form) are not
 * staff access and are not recorded here.
 */
public class AuditTrail implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)
                || !request.getRequestURI().startsWith("/api/")) {
            return;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            jdbc.update(
                    """
                    INSERT INTO audit_log (actor, roles, action, http_method, path_pattern, path_ids, status,
                                           remote_addr, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    token.getName(),
                    token.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .filter(authority -> authority.startsWith("ROLE_"))
                            .sorted()
                            .collect(Collectors.joining(",")),
                    action(request.getMethod()),
                    request.getMethod(),
                    pattern == null ? "(unmatched)" : pattern,
                    pathIds(request),
                    response.getStatus(),
                    request.getRemoteAddr(),
                    request.getHeader("X-Request-Id"));
        } catch (RuntimeException e) {
            log.error(
                    "Audit record could not be written for {} {}: {}",
                    request.getMethod(),
                    pattern,
                    e.getClass().getSimpleName());
        }
    }

    static String action(String method) {
        return switch (method) {
            case "GET", "HEAD" -> "READ";
            case "POST" -> "CREATE";
            case "DELETE" -> "DELETE";
            default -> "UPDATE";
        };
    }

    @SuppressWarnings("unchecked")
    private static String pathIds(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || map.isEmpty()) {
            return "";
        }
        return new TreeMap<>((Map<String, String>) map)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + truncate(e.getValue()))
                        .collect(Collectors.joining(","));
    }

    private static String truncate(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
