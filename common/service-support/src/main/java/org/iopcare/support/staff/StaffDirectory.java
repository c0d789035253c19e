package org.iopcare.support.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iopcare.support.security.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who the clinic's staff are: display name, roles and email per token subject, for the few places
 * that address staff rather than answer them (the supervisors alerted on a break-glass access).
 *
 * <p>Two sources. The configuration ({@code iopcare.staff.members}) lists staff known before they
 * sign in. Every authenticated request then teaches the directory what the caller's token says:
 * its {@code name} and {@code email} claims and its staff roles, which take precedence over the
 * configured entry for that person. In production the identity provider puts those claims in the
 * tokens, so the directory follows the provider as staff use the platform; the configured list
 * covers whoever must be reachable before their first request. What is learned lives in this
 * instance's memory only (at most {@link StaffProperties#maxLearned()} people, the least recently
 * seen dropped first).
 */
public class StaffDirectory {

    static final int ID_MAX = 200;
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final String E164 = "\\+[1-9][0-9]{6,14}";

    private static final Pattern ADDRESS =
            Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+");

    private final Map<String, StaffMember> configured = new LinkedHashMap<>();
    private final LinkedHashMap<String, StaffMember> learned;

    public StaffDirectory(List<StaffProperties.Member> members, int maxLearned) {
        for (StaffProperties.Member member : members) {
            StaffMember entry = new StaffMember(
                    member.id(),
                    blankToNull(member.displayName()),
                    member.roles(),
                    blankToNull(member.email()),
                    blankToNull(member.phone()));
            if (configured.putIfAbsent(entry.id(), entry) != null) {
                throw new IllegalStateException("iopcare.staff.members lists the id '" + entry.id() + "' twice");
            }
        }
        this.learned = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StaffMember> eldest) {
                return size() > maxLearned;
            }
        };
    }

    public StaffDirectory(StaffProperties properties) {
        this(properties.members(), properties.maxLearned());
    }

    /** The staff member with this token subject, if the configuration or a token named them. */
    public Optional<StaffMember> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        synchronized (learned) {
            StaffMember seen = learned.get(id);
            if (seen != null) {
                return Optional.of(seen);
            }
        }
        return Optional.ofNullable(configured.get(id));
    }

    /** Everyone holding the role, configured staff first in their configured order. */
    public List<StaffMember> withRole(StaffRole role) {
        return all().stream().filter(member -> member.has(role)).toList();
    }

    /** Everyone the directory knows: configured staff in order, then those only tokens named, by id. */
    public List<StaffMember> all() {
        Map<String, StaffMember> seen;
        synchronized (learned) {
            seen = new LinkedHashMap<>(learned);
        }
        List<StaffMember> members = new ArrayList<>();
        for (StaffMember member : configured.values()) {
            StaffMember override = seen.remove(member.id());
            members.add(override == null ? member : override);
        }
        seen.values().stream()
                .sorted(java.util.Comparator.comparing(StaffMember::id))
                .forEach(members::add);
        return List.copyOf(members);
    }

    /**
     * Learns what a verified staff token says of its subject: the {@code name} claim, the
     * {@code email} claim (unless {@code email_verified} is false), the {@code phone_number} claim
     * (E.164, unless {@code phone_number_verified} is false) and the staff roles in {@code roles}.
     * A claim that is absent or unusable leaves the configured value in place.
     */
    public void learn(Jwt token) {
        learn(
                token.getSubject(),
                token.getClaims().get("name"),
                Boolean.FALSE.equals(token.getClaims().get("email_verified"))
                        ? null
                        : token.getClaims().get("email"),
                Boolean.FALSE.equals(token.getClaims().get("phone_number_verified"))
                        ? null
                        : token.getClaims().get("phone_number"),
                roles(token.getClaims().get("roles")));
    }

    /** Learns a staff member's name, address and roles as their token gives them (no phone). */
    void learn(String id, Object name, Object email, List<StaffRole> roles) {
        learn(id, name, email, null, roles);
    }

    /** Learns a staff member's name, address, phone and roles as their token gives them. */
    void learn(String id, Object name, Object email, Object phone, List<StaffRole> roles) {
        if (id == null || id.isBlank() || id.length() > ID_MAX) {
            return;
        }
        StaffMember base = configured.get(id);
        String displayName = name(name);
        String address = address(email);
        StaffMember entry = new StaffMember(
                id,
                displayName != null ? displayName : base == null ? null : base.displayName(),
                !roles.isEmpty() ? roles : base == null ? List.of() : base.roles(),
                address != null ? address : base == null ? null : base.email(),
                phone(phone) != null ? phone(phone) : base == null ? null : base.phone());
        synchronized (learned) {
            learned.put(id, entry);
        }
    }

    private static List<StaffRole> roles(Object claim) {
        Collection<?> names;
        if (claim instanceof Collection<?> collection) {
            names = collection;
        } else if (claim instanceof String text) {
            names = List.of(text.trim().split("\\s+"));
        } else {
            return List.of();
        }
        List<StaffRole> roles = new ArrayList<>();
        for (Object name : names) {
            for (StaffRole role : StaffRole.values()) {
                if (role.name().equals(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    /** A phone number in E.164 form; otherwise none. */
    private static @Nullable String phone(Object claim) {
        return claim instanceof String text && text.matches(E164) ? text : null;
    }

    /** A display name: printable, trimmed, at most {@link #NAME_MAX} characters; otherwise none. */
    private static @Nullable String name(Object claim) {
        if (!(claim instanceof String text)) {
            return null;
        }
        String printable = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() > NAME_MAX ? printable.substring(0, NAME_MAX).strip() : printable;
    }

    /** An email address that an SMTP server can be given as it is; anything else is none. */
    private static @Nullable String address(Object claim) {
        if (!(claim instanceof String text)) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.length() <= EMAIL_MAX && ADDRESS.matcher(trimmed).matches() ? trimmed : null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
