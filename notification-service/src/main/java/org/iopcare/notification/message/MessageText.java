package org.iopcare.notification.message;

import java.util.UUID;
import java.util.function.Predicate;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.caseload.Caseload.Visibility;
import org.iopcare.support.security.StaffCaller;
import org.iopcare.support.security.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who reads the text of messages and client replies: clinical supervisors for every client, a
 * clinician for the clients on their caseload (care team or emergency grant). Everyone else who may
 * list them (intake, scheduling, administrators) sees the same items without their text: the
 * "no bodies" view of the access matrix. A caller with several roles gets the text only where one
 * of these rules gives it.
 */
@Component
public class MessageText {

    private static final Caseload.Rule SUPERVISION = Caseload.clinicWide(StaffRole.CLINICAL_SUPERVISOR);

    private final Caseload caseload;

    MessageText(Caseload caseload) {
        this.caseload = caseload;
    }

    /** Whether the caller reads the text of this client's messages and replies. */
    public boolean readable(@Nullable UUID clientId) {
        if (has(StaffRole.CLINICAL_SUPERVISOR)) {
            return true;
        }
        return has(StaffRole.CLINICIAN) && clientId != null && caseload.permits(clientId, SUPERVISION);
    }

    /** The clients whose text the caller reads, for a list of several clients' items. */
    public Predicate<@Nullable UUID> readableClients() {
        if (has(StaffRole.CLINICAL_SUPERVISOR)) {
            return client -> true;
        }
        if (!has(StaffRole.CLINICIAN)) {
            return client -> false;
        }
        Visibility own = caseload.visibility(SUPERVISION);
        return client -> client != null && own.includes(client);
    }

    private static boolean has(StaffRole role) {
        return StaffCaller.current().has(role);
    }
}
