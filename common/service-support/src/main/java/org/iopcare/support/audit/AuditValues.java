package org.iopcare.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every value the audit trail stores comes from the request or the token, so each is held to a
 * shape and a length that always fit their column: a value that is plain and short enough is kept,
 * anything else is stored as a hash of itself ({@code #} and 40 hex digits). A hash still tells
 * equal values apart and lets an investigator match a value they hold, and no client can make the
 * audit row too long to insert — which would otherwise mean an access without a record.
 */
final class AuditValues {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final Pattern ROLE = Pattern.compile("ROLE_[A-Z0-9_]{1,64}");
    static final Pattern PATH_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]+");

    static final int ACTOR_MAX = 200;
    static final int ROLES_MAX = 4000;
    static final int PATTERN_MAX = 300;
    static final int PATH_IDS_MAX = 500;
    static final int REMOTE_ADDR_MAX = 64;

    private AuditValues() {}

    /** The value if it matches the pattern, its hash otherwise; null stays null. */
    static @Nullable String matching(@Nullable String value, Pattern pattern) {
        if (value == null) {
            return null;
        }
        return pattern.matcher(value).matches() ? value : hash(value);
    }

    /** The value if it is printable ASCII of at most {@code max} characters, its hash otherwise. */
    static @Nullable String printable(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max && PRINTABLE.matcher(value).matches() ? value : hash(value);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
