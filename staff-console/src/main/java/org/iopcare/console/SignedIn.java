package org.iopcare.console;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The staff member of a browser session, kept in the server-side session only: the access token
 * the services accept never goes to the browser (the backend-for-frontend pattern).
 *
 * @param staffId the token's subject
 * @param title how the console greets them
 * @param roles their staff roles
 * @param accessToken the bearer token for the services
 * @param expiresAt when the token expires; the session ends then at the latest
 */
public record SignedIn(String staffId, String title, List<String> roles, String accessToken, Instant expiresAt)
        implements Serializable {

    static final String SESSION_ATTRIBUTE = SignedIn.class.getName();

    /** The staff member signed in on this browser session, or null. */
    static @Nullable SignedIn of(jakarta.servlet.http.@Nullable HttpSession session) {
        return session == null ? null : (SignedIn) session.getAttribute(SESSION_ATTRIBUTE);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Leaves the token out: a session dump or a log line must never carry it. */
    @Override
    public String toString() {
        return "SignedIn[" + staffId + " " + roles + "]";
    }
}
