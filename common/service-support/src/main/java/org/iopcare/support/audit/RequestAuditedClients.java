package org.iopcare.support.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@link AuditedClients} for the request on the current thread: appends CLIENTS entries linked to
 * the request's ACCESS entry ({@link AuditTrail#RECORD}). Outside a recorded staff request (a
 * consumer thread, the public form) there is no ACCESS entry and nothing is written.
 */
final class RequestAuditedClients implements AuditedClients {

    /** The longest page a list returns; a longer collection is recorded in several entries. */
    static final int MAX_IDS_PER_ENTRY = 200;

    private static final Logger log = LoggerFactory.getLogger(RequestAuditedClients.class);

    private final AuditWriter writer;

    RequestAuditedClients(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public void disclosed(Collection<UUID> clientIds, AccessBasis basis) {
        Objects.requireNonNull(clientIds, "clientIds");
        Objects.requireNonNull(basis, "basis");
        if (basis == AccessBasis.EMERGENCY) {
            throw new IllegalArgumentException("An emergency disclosure names its grant: use disclosedInEmergency");
        }
        append(clientIds, basis, null);
    }

    @Override
    public void disclosedInEmergency(UUID clientId, UUID grantId) {
        append(
                List.of(Objects.requireNonNull(clientId, "clientId")),
                AccessBasis.EMERGENCY,
                Objects.requireNonNull(grantId, "grantId"));
    }

    private void append(Collection<UUID> clientIds, AccessBasis basis, UUID grantId) {
        Long record = currentRecord();
        if (record == null) {
            return;
        }
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(clientIds));
        ids.removeIf(Objects::isNull);
        try {
            for (int from = 0; from < ids.size(); from += MAX_IDS_PER_ENTRY) {
                writer.clients(
                        record, ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_ENTRY)), basis, grantId);
            }
        } catch (SQLException | RuntimeException e) {
            log.error(
                    "Audit clients could not be written for record {}; the request is refused: {}",
                    record,
                    e.getClass().getSimpleName());
            throw new AuditUnavailable(e);
        }
    }

    private static @Nullable Long currentRecord() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        return request.getAttribute(AuditTrail.RECORD, RequestAttributes.SCOPE_REQUEST) instanceof Long id ? id : null;
    }
}
