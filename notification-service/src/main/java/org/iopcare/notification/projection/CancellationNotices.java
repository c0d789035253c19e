package org.iopcare.notification.projection;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.reminder.ReminderProperties;
import org.iopcare.notification.reminder.SendWindowProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tells a client that the clinic cancelled their sessions (a closure, staff unavailable): one
 * {@code SESSION_CANCELLED} per client and client-local day of telling, listing every session
 * cancelled for it ({@link GatheredNotices}), so the cancellations of one closure are one notice.
 * Cancellations the client asked for, a discharge's and a track change's are not told here (a
 * transfer is told by {@link ScheduleNotices}: its schedule notice, or its hold notice when the new
 * track had no seat).
 */
@Service
class CancellationNotices {

    static final Set<CancellationReason> TOLD = EnumSet.of(CancellationReason.CLOSURE, CancellationReason.STAFF);

    private final GatheredNotices notices;

    CancellationNotices(
            JdbcTemplate jdbc, ClientMessages messages, SendWindowProperties window, ReminderProperties reminders) {
        this.notices =
                new GatheredNotices(jdbc, messages, window, MessageKind.SESSION_CANCELLED, reminders.noticeGathering());
    }

    /** In the cancellation's transaction, under the client's lock. */
    void cancelled(SessionCancelled event, Recipient recipient, ZoneId zone, Instant now) {
        if (TOLD.contains(event.reason())) {
            notices.gather(event.clientId(), event.sessionId(), event.startsAt(), recipient, zone, now);
        }
    }
}
