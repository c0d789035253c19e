package org.iopcare.support.audit;

import java.util.Collection;
import java.util.UUID;

/**
 * Adds to the current request's audit record the clients whose data the request reads or changes,
 * and on what basis the caller may see them. Handlers call it before they return data: a single
 * read with its client, a list read with the clients of the page returned, a write identified by
 * its body with the client it changes. It fails closed: when the entry cannot be written it throws
 * {@link AuditUnavailable} and the request is answered 503 without the data.
 */
public interface AuditedClients {

    /** The request reads or changes these clients' data on this basis. */
    void disclosed(Collection<UUID> clientIds, AccessBasis basis);

    /** The request reads or changes this client's data through an emergency-access grant. */
    void disclosedInEmergency(UUID clientId, UUID grantId);

    /** Why a caller may see a client's data, as recorded in the audit trail. */
    enum AccessBasis {
        /** The caller is on the client's care team. */
        CARE_TEAM,
        /** The caller's role covers every client for this resource (supervisor, scheduler, …). */
        ROLE,
        /** The caller opened the record outside their caseload in an emergency. */
        EMERGENCY
    }
}
