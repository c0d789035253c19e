package org.iopcare.support.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every API request a staff member makes (the REST API and the FHIR read API): who (token subject and roles), what (method,
 * endpoint pattern and the ids in the path), when, from where, and the outcome. Ids are opaque, so
 * the trail itself holds no health information. Anonymous requests (the public form) are not
 * staff access and are not recorded here.
 *
 * <p>The record (an ACCESS entry) is written before the handler runs, in its own transaction: when
 * it cannot be written the request fails with a 503 problem and nothing is read or changed — an
 * access to health information without an audit record does not happen. The outcome (the response
 * status) is appended as an OUTCOME entry once the request has completed; an ACCESS entry without
 * one is a request that never completed. Handlers add the clients they disclose through {@link
 * AuditedClients}, which finds the ACCESS entry under {@link #RECORD}. Every stored value is bounded
 * ({@link AuditValues}), so no request can make its own record fail.
 */
public class AuditTrail implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** The request attribute holding the id ({@code Long}) of the request's ACCESS entry. */
    public static final String RECORD = AuditTrail.class.getName() + ".record";

    private final AuditWriter writer;

    AuditTrail(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)
                || !(request.getRequestURI().startsWith("/api/")
                        || request.getRequestURI().startsWith("/fhir/"))) {
            return true;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            long id = writer.access(new AuditWriter.Access(
                    AuditValues.printable(token.getName(), AuditValues.ACTOR_MAX),
                    roles(token),
                    action(request.getMethod()),
                    AuditValues.printable(request.getMethod(), 10),
                    pattern == null ? "(unmatched)" : AuditValues.printable(pattern, AuditValues.PATTERN_MAX),
                    pathIds(request),
                    AuditValues.printable(request.getRemoteAddr(), AuditValues.REMOTE_ADDR_MAX),
                    AuditValues.matching(request.getHeader("X-Request-Id"), AuditValues.REQUEST_ID)));
            request.setAttribute(RECORD, id);
        } catch (SQLException | RuntimeException e) {
            log.error(
                    "Audit record could not be written for {} {}; the request is refused: {}",
                    AuditValues.printable(request.getMethod(), 10),
                    pattern,
                    e.getClass().getSimpleName());
            throw new AuditUnavailable(e);
        }
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(RECORD) instanceof Long id)) {
            return;
        }
        try {
            writer.outcome(id, response.getStatus());
        } catch (SQLException | RuntimeException e) {
            // The access itself is on record; only its outcome is missing.
            log.error(
                    "Audit outcome could not be written for record {}: {}",
                    id,
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

    static String roles(JwtAuthenticationToken token) {
        String roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(role -> AuditValues.matching(role, AuditValues.ROLE))
                .sorted()
                .distinct()
                .collect(Collectors.joining(","));
        return roles.length() <= AuditValues.ROLES_MAX ? roles : AuditValues.hash(roles);
    }

    @SuppressWarnings("unchecked")
    static String pathIds(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || map.isEmpty()) {
            return "";
        }
        String ids = new TreeMap<>((Map<String, String>) map)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + AuditValues.matching(e.getValue(), AuditValues.PATH_ID))
                        .collect(Collectors.joining(","));
        return ids.length() <= AuditValues.PATH_IDS_MAX ? ids : AuditValues.hash(ids);
    }
}
