package org.iopcare.notification.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.reminder.SendWindowProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One notice of a kind per client and client-local day of telling, listing every session gathered
 * for it ({@code session_notice} rows). The notice waits the gathering time
 * ({@code iopcare.notification.reminders.notice-gathering}, 2 minutes, and for the send window), so
 * the sessions of one change arrive before it goes; a session that finds the day's notice still
 * waiting is merged into it, one that finds it gone is told in the next day's notice. A session
 * with no day of telling left before it starts is not told.
 */
final class GatheredNotices {

    /** A week of closures is the most a notice day is moved by. */
    private static final int MAX_DAYS_AHEAD = 8;

    private final JdbcTemplate jdbc;
    private final ClientMessages messages;
    private final SendWindowProperties window;
    private final MessageKind kind;
    private final Duration gather;

    GatheredNotices(
            JdbcTemplate jdbc,
            ClientMessages messages,
            SendWindowProperties window,
            MessageKind kind,
            Duration gather) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.window = window;
        this.kind = kind;
        this.gather = gather;
    }

    /** In the session event's transaction, under the client's lock. */
    void gather(UUID clientId, UUID sessionId, Instant startsAt, Recipient recipient, ZoneId zone, Instant now) {
        if (!startsAt.isAfter(now)) {
            return;
        }
        Instant at = window.window().nextOpening(now.plus(gather), zone);
        for (int i = 0; i < MAX_DAYS_AHEAD && at.isBefore(startsAt); i++) {
            LocalDate day = at.atZone(zone).toLocalDate();
            jdbc.update(
                    "INSERT INTO session_notice (client_id, kind, notice_date, session_id, starts_at)"
                            + " VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (client_id, kind, session_id) DO UPDATE SET notice_date = EXCLUDED.notice_date",
                    clientId,
                    kind.name(),
                    Date.valueOf(day),
                    sessionId,
                    Timestamp.from(startsAt));
            if (messages.toClientGathered(recipient, kind, values(clientId, day, zone), noticeId(clientId, day), at)) {
                return;
            }
            at = window.window().nextOpening(day.plusDays(1).atStartOfDay(zone).toInstant(), zone);
        }
        // no day left before the session: it is near, and its reminders tell it; nothing more told
        jdbc.update("DELETE FROM session_notice WHERE kind = ? AND session_id = ?", kind.name(), sessionId);
    }

    /**
     * A gathered session moved ({@code startsAt}) or will not take place (null): a notice of it still
     * waiting takes the change, so it never names a time the session no longer has; one that went
     * already is left as it was (the move or cancellation is told on its own).
     */
    void changed(UUID clientId, UUID sessionId, Instant startsAt, Recipient recipient, ZoneId zone, Instant now) {
        List<LocalDate> days = jdbc.queryForList(
                "SELECT notice_date FROM session_notice WHERE client_id = ? AND kind = ? AND session_id = ?",
                LocalDate.class,
                clientId,
                kind.name(),
                sessionId);
        if (days.isEmpty()) {
            return;
        }
        if (startsAt == null) {
            jdbc.update("DELETE FROM session_notice WHERE kind = ? AND session_id = ?", kind.name(), sessionId);
        } else {
            jdbc.update(
                    "UPDATE session_notice SET starts_at = ? WHERE kind = ? AND session_id = ?",
                    Timestamp.from(startsAt),
                    kind.name(),
                    sessionId);
        }
        Map<String, Object> values = values(clientId, days.get(0), zone);
        if (!values.isEmpty()) {
            // still waiting: takes the new text; a channel without one yet gets it at the gathered time
            Instant at = window.window().nextOpening(now.plus(gather), zone);
            messages.toClientGathered(recipient, kind, values, noticeId(clientId, days.get(0)), at);
        }
    }

    /** Whether this kind's notice of a day from {@code day} on gathers a session of the client. */
    boolean gatheredFrom(UUID clientId, LocalDate day) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM session_notice WHERE client_id = ? AND kind = ? AND notice_date >= ?)",
                Boolean.class,
                clientId,
                kind.name(),
                Date.valueOf(day)));
    }

    /**
     * Takes back the client's notices of this kind that have not gone out (their messages are
     * cancelled, {@code detail} says why) and forgets what they gathered; one that went stays told.
     */
    void withdraw(UUID clientId, String detail) {
        jdbc
                .queryForList(
                        "DELETE FROM session_notice WHERE client_id = ? AND kind = ? RETURNING notice_date",
                        LocalDate.class,
                        clientId,
                        kind.name())
                .stream()
                .distinct()
                .forEach(day -> messages.withdrawGathered(kind, noticeId(clientId, day), detail));
    }

    /**
     * The day's sessions in start order, written out in the client's language when rendered:
     * {@code sessionsAt} (all), {@code sessionAt} (the first), {@code several}; empty for none.
     */
    private Map<String, Object> values(UUID clientId, LocalDate day, ZoneId zone) {
        List<ZonedDateTime> at = jdbc
                .queryForList(
                        "SELECT starts_at FROM session_notice WHERE client_id = ? AND kind = ? AND notice_date = ?"
                                + " ORDER BY starts_at",
                        Instant.class,
                        clientId,
                        kind.name(),
                        Date.valueOf(day))
                .stream()
                .map(start -> start.atZone(zone))
                .toList();
        if (at.isEmpty()) {
            return Map.of();
        }
        return Map.of("sessionsAt", at, "sessionAt", at.get(0), "several", at.size() > 1);
    }

    /** The notice of a client's day: the source of its messages, one per channel. */
    UUID noticeId(UUID clientId, LocalDate day) {
        String prefix = kind == MessageKind.SESSION_CANCELLED ? "cancellation-notice:" : kind.name() + ":";
        return UUID.nameUUIDFromBytes((prefix + clientId + ":" + day).getBytes(StandardCharsets.UTF_8));
    }
}
