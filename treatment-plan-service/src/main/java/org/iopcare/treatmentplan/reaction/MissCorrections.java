package org.iopcare.treatmentplan.reaction;

import java.sql.Timestamp;
import java.util.UUID;
import org.iopcare.events.SessionMissCorrected;
import org.iopcare.support.db.TransactionLocks;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdraws a miss when staff record late that the client attended (or was excused): the session
 * stops counting towards the missed-session rule. A flag already raised stays open; the clinician
 * clears it with the review, as with any other flag.
 */
@Service
public class MissCorrections {

    static final String CONSUMER = "treatment-plan-service:session-miss-corrected";

    private final ProcessedEvents processed;
    private final JdbcTemplate jdbc;

    MissCorrections(ProcessedEvents processed, JdbcTemplate jdbc) {
        this.processed = processed;
        this.jdbc = jdbc;
    }

    /**
     * The miss and its correction arrive on two topics, handled by two consumer threads: without
     * this lock each could commit without seeing the other and the withdrawn miss would stay.
     */
    static void lockSession(JdbcTemplate jdbc, UUID clientId, UUID sessionId) {
        TransactionLocks.lock(jdbc, "missed-session:" + clientId + ":" + sessionId);
    }

    @Transactional
    public void on(SessionMissCorrected event) {
        if (!processed.claim(CONSUMER, event.eventId())) {
            return;
        }
        lockSession(jdbc, event.clientId(), event.sessionId());
        Timestamp correctedAt = Timestamp.from(event.occurredAt());
        jdbc.update(
                """
                INSERT INTO missed_session_correction (client_id, session_id, corrected_at, corrected_to)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (client_id, session_id)
                DO UPDATE SET corrected_at = GREATEST(missed_session_correction.corrected_at, EXCLUDED.corrected_at),
                    corrected_to = CASE WHEN EXCLUDED.corrected_at >= missed_session_correction.corrected_at
                        THEN EXCLUDED.corrected_to ELSE missed_session_correction.corrected_to END
                """,
                event.clientId(),
                event.sessionId(),
                correctedAt,
                event.correctedTo() == null ? null : event.correctedTo().name());
        // Only misses reported before the correction: a session missed again afterwards still counts.
        jdbc.update(
                "DELETE FROM missed_session WHERE client_id = ? AND session_id = ?"
                        + " AND (reported_at IS NULL OR reported_at < ?)",
                event.clientId(),
                event.sessionId(),
                correctedAt);
    }
}
