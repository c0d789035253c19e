package org.iopcare.support.staff;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.iopcare.support.security.StaffRole;

/**
 * One staff member as the directory knows them.
 *
 * @param id the token subject, as care teams and grants name staff
 * @param displayName the name colleagues know them by; null when nothing says
 * @param roles the staff roles they hold
 * @param email where staff alerts for them go by email; null when nothing says
 * @param phone where staff alerts for them go by SMS (E.164); null when nothing says
 */
public record StaffMember(String id, String displayName, List<StaffRole> roles, String email, String phone) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
        roles = List.copyOf(new LinkedHashSet<>(roles == null ? List.of() : roles));
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** The display name, or the subject when the directory has none. */
    public String nameOrId() {
        return displayName == null ? id : displayName;
    }
}
