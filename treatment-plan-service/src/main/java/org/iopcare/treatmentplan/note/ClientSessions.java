package org.iopcare.treatmentplan.note;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionScheduled;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client sessions scheduling announced, and whether each was attended as far as this service
 * knows. Scheduling publishes misses ({@code session-missed}, withdrawn by {@code
 * session-miss-corrected}) but no "attended": a session that has started, was not cancelled, and
 * has no miss standing nor a correction to EXCUSED counts as attended.
 */
@Service
public class ClientSessions {

    static final String SCHEDULED_CONSUMER = "treatment-plan-service:session-scheduled";
    static final String CANCELLED_CONSUMER = "treatment-plan-service:session-cancelled";

    /** A miss standing, or attendance corrected to EXCUSED: the client was not there. */
    private static final String ABSENT_SQL = """
            (EXISTS (SELECT 1 FROM missed_session m WHERE m.client_id = s.client_id AND m.session_id = s.session_id)
             OR EXISTS (SELECT 1 FROM missed_session_correction k
                        WHERE k.client_id = s.client_id AND k.session_id = s.session_id AND k.corrected_to = 'EXCUSED'))
            """;

    private final ProcessedEvents processed;
    private final JdbcTemplate jdbc;

    ClientSessions(ProcessedEvents processed, JdbcTemplate jdbc) {
        this.processed = processed;
        this.jdbc = jdbc;
    }

    @Transactional
    public void scheduled(SessionScheduled event) {
        if (event.sessionId() == null
                || event.clientId() == null
                || event.kind() == null
                || event.startsAt() == null
                || event.endsAt() == null) {
            throw new IllegalArgumentException("Session-scheduled event " + event.eventId() + " lacks a field");
        }
        if (!processed.claim(SCHEDULED_CONSUMER, event.eventId())) {
            return;
        }
        // a session moved in time is published again under the same session id: the latest wins
        jdbc.update(
                """
                INSERT INTO client_session (session_id, client_id, kind, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at
                """,
                event.sessionId(),
                event.clientId(),
                event.kind().name(),
                Timestamp.from(event.startsAt()),
                Timestamp.from(event.endsAt()));
    }

    @Transactional
    public void cancelled(SessionCancelled event) {
        if (!processed.claim(CANCELLED_CONSUMER, event.eventId())) {
            return;
        }
        jdbc.update(
                "INSERT INTO cancelled_session (session_id, client_id, cancelled_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                event.sessionId(),
                event.clientId(),
                Timestamp.from(event.occurredAt()));
    }

    /** The session as this service knows it, with its attendance at {@code now}. */
    Optional<Session> find(UUID sessionId, Instant now) {
        return jdbc
                .query(
                        """
                        SELECT s.session_id, s.client_id, s.kind, s.starts_at, s.ends_at,
                               EXISTS (SELECT 1 FROM cancelled_session c WHERE c.session_id = s.session_id) AS cancelled,
                               %1$s AS absent
                        FROM client_session s WHERE s.session_id = ?
                        """.formatted(ABSENT_SQL),
                        (rs, n) -> new Session(
                                rs.getObject("session_id", UUID.class),
                                rs.getObject("client_id", UUID.class),
                                SessionKind.valueOf(rs.getString("kind")),
                                rs.getTimestamp("starts_at").toInstant(),
                                rs.getTimestamp("ends_at").toInstant(),
                                attendance(
                                        rs.getBoolean("cancelled"),
                                        rs.getBoolean("absent"),
                                        rs.getTimestamp("starts_at").toInstant(),
                                        now)),
                        sessionId)
                .stream()
                .findFirst();
    }

    /** Attended, missed and scheduled sessions of the client between two instants. */
    Totals totals(UUID clientId, Instant from, Instant to) {
        List<Totals> totals = jdbc.query(
                """
                SELECT count(*) FILTER (WHERE NOT absent) AS attended, count(*) FILTER (WHERE absent) AS missed
                FROM (SELECT %1$s AS absent
                      FROM client_session s
                      WHERE s.client_id = ? AND s.starts_at >= ? AND s.starts_at < ?
                        AND NOT EXISTS (SELECT 1 FROM cancelled_session c WHERE c.session_id = s.session_id)) x
                """.formatted(ABSENT_SQL),
                (rs, n) -> new Totals(rs.getInt("attended"), rs.getInt("missed")),
                clientId,
                Timestamp.from(from),
                Timestamp.from(to));
        return totals.get(0);
    }

    private static Attendance attendance(boolean cancelled, boolean absent, Instant startsAt, Instant now) {
        if (cancelled) {
            return Attendance.CANCELLED;
        }
        if (startsAt.isAfter(now)) {
            return Attendance.NOT_YET_HELD;
        }
        return absent ? Attendance.ABSENT : Attendance.ATTENDED;
    }

    /** Where a client session stands for documentation. */
    enum Attendance {
        NOT_YET_HELD,
        CANCELLED,
        ABSENT,
        ATTENDED
    }

    record Session(UUID id, UUID clientId, SessionKind kind, Instant startsAt, Instant endsAt, Attendance attendance) {}

    /** Sessions held (not cancelled) in a period: attended and missed or excused. */
    record Totals(int attended, int missed) {}
}
