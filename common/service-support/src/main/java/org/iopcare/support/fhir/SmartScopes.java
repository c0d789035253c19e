package org.iopcare.support.fhir;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iopcare.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The SMART on FHIR scopes of the caller's token (claim {@code scope}, space separated, or {@code
 * scp}, a list) decide which resource types it may read: {@code user/*.read} or {@code
 * user/<Type>.read} any patient the caseload rules let the staff member see; {@code
 * patient/*.read} or {@code patient/<Type>.read} only the patient of the token's {@code patient}
 * claim (a launch context). SMART v2 forms ({@code .r}, {@code .rs}) count as read. Scopes narrow
 * the roles and caseload, never widen them. A missing scope is a 403 problem.
 */
public final class SmartScopes {

    private SmartScopes() {}

    /** The caller may read resources of this type about this patient. */
    public static void require(String resourceType, UUID patient) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            throw refused("The request carries no SMART scopes");
        }
        Set<String> scopes = scopes(
                token.getToken().getClaims().get("scope"),
                token.getToken().getClaims().get("scp"));
        if (grants(scopes, "user", resourceType)) {
            return;
        }
        if (grants(scopes, "patient", resourceType)) {
            Object context = token.getToken().getClaims().get("patient");
            if (context != null && context.toString().equalsIgnoreCase(patient.toString())) {
                return;
            }
            throw refused("The token's patient scope covers another patient");
        }
        throw refused("The token has no scope to read " + resourceType + " (user/" + resourceType
                + ".read, user/*.read or the patient/ forms)");
    }

    /**
     * The caller may read resources of this type that are about no patient (a program track): any
     * read scope for the type, user or patient, will do.
     */
    public static void requireType(String resourceType) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            Set<String> scopes = scopes(
                    token.getToken().getClaims().get("scope"),
                    token.getToken().getClaims().get("scp"));
            if (grants(scopes, "user", resourceType) || grants(scopes, "patient", resourceType)) {
                return;
            }
        }
        throw refused("The token has no scope to read " + resourceType);
    }

    static Set<String> scopes(Object scope, Object scp) {
        Set<String> scopes = new java.util.HashSet<>();
        if (scope instanceof String s) {
            scopes.addAll(Arrays.asList(s.trim().split("\\s+")));
        } else if (scope instanceof Collection<?> c) {
            c.forEach(v -> scopes.add(String.valueOf(v)));
        }
        if (scp instanceof Collection<?> c) {
            c.forEach(v -> scopes.add(String.valueOf(v)));
        } else if (scp instanceof String s) {
            scopes.addAll(Arrays.asList(s.trim().split("\\s+")));
        }
        return scopes.stream().filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    static boolean grants(Set<String> scopes, String context, String resourceType) {
        for (String type : List.of("*", resourceType)) {
            for (String access : List.of("read", "r", "rs", "*")) {
                if (scopes.contains(context + "/" + type + "." + access)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "insufficient-scope", "Insufficient scope", detail);
    }
}
