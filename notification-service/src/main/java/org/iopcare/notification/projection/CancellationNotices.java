package org.iopcare.notification.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.reminder.SendWindowProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tells a client that the clinic cancelled their sessions (a closure, staff unavailable): one
 * {@code SESSION_CANCELLED} per client and client-local day of telling, listing every session
 * cancelled for it. The notice waits {@link #GATHER} (and for the send window), so the cancellations
 * of one closure arrive before it goes; a cancellation that finds the day's notice still waiting is
 * merged into it, one that finds it gone is told in the next day's notice. Cancellations the client
 * asked for, a discharge's and a track change's are not told here.
 */
@Service
class CancellationNotices {

    /** How long a notice waits for more cancellations of the same closure. */
    static final Duration GATHER = Duration.ofMinutes(2);

    static final Set<CancellationReason> TOLD = EnumSet.of(CancellationReason.CLOSURE, CancellationReason.STAFF);

    /** A week of closures is the most a notice day is moved by. */
    private static final int MAX_DAYS_AHEAD = 8;

    private final JdbcTemplate jdbc;
    private final ClientMessages messages;
    private final SendWindowProperties window;

    CancellationNotices(JdbcTemplate jdbc, ClientMessages messages, SendWindowProperties window) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.window = window;
    }

    /** In the cancellation's transaction, under the client's lock. */
    void cancelled(SessionCancelled event, Recipient recipient, ZoneId zone, Instant now) {
        if (!TOLD.contains(event.reason()) || !event.startsAt().isAfter(now)) {
            return;
        }
        Instant at = window.window().nextOpening(now.plus(GATHER), zone);
        for (int i = 0; i < MAX_DAYS_AHEAD && at.isBefore(event.startsAt()); i++) {
            LocalDate day = at.atZone(zone).toLocalDate();
            UUID notice = noticeId(event.clientId(), day);
            jdbc.update(
                    "INSERT INTO cancellation_notice (client_id, notice_date, session_id, starts_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (client_id, session_id) DO UPDATE SET notice_date = EXCLUDED.notice_date",
                    event.clientId(),
                    Date.valueOf(day),
                    event.sessionId(),
                    Timestamp.from(event.startsAt()));
            if (messages.toClientGathered(
                    recipient, MessageKind.SESSION_CANCELLED, values(event, day, zone), notice, at)) {
                return;
            }
            at = window.window().nextOpening(day.plusDays(1).atStartOfDay(zone).toInstant(), zone);
        }
        // no day left before the session: the session is near, the reminders are cancelled; nothing told
        jdbc.update("DELETE FROM cancellation_notice WHERE session_id = ?", event.sessionId());
    }

    private Map<String, Object> values(SessionCancelled event, LocalDate day, ZoneId zone) {
        List<Instant> starts = jdbc.queryForList(
                "SELECT starts_at FROM cancellation_notice WHERE client_id = ? AND notice_date = ? ORDER BY starts_at",
                Instant.class,
                event.clientId(),
                Date.valueOf(day));
        // written out in the client's language when rendered
        List<ZonedDateTime> at =
                starts.stream().map(start -> start.atZone(zone)).toList();
        return Map.of("sessionsAt", at, "several", at.size() > 1);
    }

    /** The notice of a client's day: the source of its messages, one per channel. */
    static UUID noticeId(UUID clientId, LocalDate day) {
        return UUID.nameUUIDFromBytes(("cancellation-notice:" + clientId + ":" + day).getBytes(StandardCharsets.UTF_8));
    }
}
