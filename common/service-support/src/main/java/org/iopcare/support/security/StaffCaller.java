package org.iopcare.support.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The staff member making the current request: the token's subject and the staff roles it carries.
 * Outside a request, or before sign-in, nobody with no role.
 *
 * @param subject the staff id (the token's {@code sub}), empty for nobody
 * @param roles the staff role names, without Spring's {@code ROLE_} prefix
 */
public record StaffCaller(String subject, Set<String> roles) {

    private static final String PREFIX = "ROLE_";

    public StaffCaller {
        roles = Set.copyOf(roles);
    }

    /** Who is calling, from the security context of this thread. */
    public static StaffCaller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return new StaffCaller("", Set.of());
        }
        return new StaffCaller(
                auth.getName(),
                auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(name -> name.startsWith(PREFIX))
                        .map(name -> name.substring(PREFIX.length()))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean has(StaffRole role) {
        return roles.contains(role.name());
    }
}
