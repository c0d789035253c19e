package org.iopcare.treatmentplan.reaction;

import java.sql.Timestamp;
import org.iopcare.events.SessionMissed;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.treatmentplan.plan.FlagReason;
import org.iopcare.treatmentplan.plan.PlanFlags;
import org.iopcare.treatmentplan.plan.ReactionProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags the plan when sessions are missed repeatedly. Counts distinct sessions in its own table,
 * so the same session reported twice (even under two event ids) counts once; a miss staff later
 * corrected ({@link MissCorrections}) no longer counts.
 */
@Service
public class MissedSessions {

    static final String CONSUMER = "treatment-plan-service:session-missed";

    private final ProcessedEvents processed;
    private final JdbcTemplate jdbc;
    private final PlanFlags flags;
    private final ReactionProperties properties;

    MissedSessions(ProcessedEvents processed, JdbcTemplate jdbc, PlanFlags flags, ReactionProperties properties) {
        this.processed = processed;
        this.jdbc = jdbc;
        this.flags = flags;
        this.properties = properties;
    }

    @Transactional
    public void on(SessionMissed event) {
        if (!processed.claim(CONSUMER, event.eventId())) {
            return;
        }
        MissCorrections.lockSession(jdbc, event.clientId(), event.sessionId());
        // A correction that already arrived (its own topic, so it may overtake the miss) withdraws it.
        Integer corrected = jdbc.queryForObject(
                "SELECT count(*) FROM missed_session_correction WHERE client_id = ? AND session_id = ? AND corrected_at > ?",
                Integer.class,
                event.clientId(),
                event.sessionId(),
                Timestamp.from(event.occurredAt()));
        if (corrected != null && corrected > 0) {
            return;
        }
        int recorded = jdbc.update(
                "INSERT INTO missed_session (client_id, session_id, starts_at, reported_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                event.clientId(),
                event.sessionId(),
                Timestamp.from(event.startsAt()),
                Timestamp.from(event.occurredAt()));
        if (recorded == 0) {
            return;
        }
        Integer inWindow = jdbc.queryForObject(
                "SELECT count(*) FROM missed_session WHERE client_id = ? AND starts_at > ? AND starts_at <= ?",
                Integer.class,
                event.clientId(),
                Timestamp.from(event.startsAt().minus(properties.missedWindow())),
                Timestamp.from(event.startsAt()));
        if (MissedSessionRule.of(properties).flags(event.consecutiveMisses(), inWindow)) {
            flags.raise(event.clientId(), FlagReason.MISSED_SESSIONS, false);
        }
    }
}
