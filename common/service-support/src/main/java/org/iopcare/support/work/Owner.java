package org.iopcare.support.work;

import org.iopcare.support.security.StaffRole;

/**
 * Who a work item belongs to: one staff member (a token subject) or a role queue that any holder
 * of the role may claim from. Exactly one of the two.
 */
public record Owner(String staffId, StaffRole queue) {

    public Owner {
        if ((staffId == null) == (queue == null)) {
            throw new IllegalArgumentException("A work item has a staff owner or a queue, not both or neither");
        }
    }

    public static Owner staff(String staffId) {
        return new Owner(staffId, null);
    }

    public static Owner queue(StaffRole role) {
        return new Owner(null, role);
    }

    /** As history shows it: {@code staff:<id>} or {@code queue:<ROLE>}. */
    String label() {
        return staffId != null ? "staff:" + staffId : "queue:" + queue.name();
    }
}
