package org.iopcare.support.work;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A work item to raise.
 *
 * @param clientId the client the work is about
 * @param kind what sort of work, a code of the raising service ({@code URGENT_SCREENING})
 * @param priority how soon
 * @param reasonCode why, a code (never clinical free text)
 * @param owner a staff member or a role queue
 * @param dueAt when it should be done
 * @param sourceKey the cause, unique within the service: raising the same cause again finds the
 *     first item ({@code screening:<id>})
 */
public record NewWorkItem(
        UUID clientId,
        String kind,
        Priority priority,
        String reasonCode,
        Owner owner,
        Instant dueAt,
        String sourceKey) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public NewWorkItem {
        if (clientId == null || priority == null || owner == null || dueAt == null) {
            throw new IllegalArgumentException("A work item needs a client, a priority, an owner and a due time");
        }
        if (!CODE.matcher(String.valueOf(kind)).matches()
                || !CODE.matcher(String.valueOf(reasonCode)).matches()) {
            throw new IllegalArgumentException("Kind and reason are codes: A-Z, 0-9 and _, at most 64");
        }
        if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > 200) {
            throw new IllegalArgumentException("A work item needs a source key of at most 200 characters");
        }
    }
}
