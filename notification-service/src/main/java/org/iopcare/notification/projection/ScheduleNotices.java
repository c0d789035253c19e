package org.iopcare.notification.projection;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.events.BookingReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.reminder.ReminderProperties;
import org.iopcare.notification.reminder.Reminders;
import org.iopcare.notification.reminder.SendWindowProperties;
import org.iopcare.notification.session.ClientSession;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tells a client of a change of their care, one message per change: the sessions a transfer booked
 * make one {@code SCHEDULE_CHANGED} per client and client-local day of telling ({@link
 * GatheredNotices}), naming the first new session and listing them all by email; a make-up seat is
 * one {@code MAKE_UP_BOOKED} with its time. A transfer's cancellations (a track change) are told
 * only when it booked nothing in their place, the new track being full: one {@code
 * SCHEDULE_ON_HOLD}, withdrawn while it waits if the transfer's bookings, or a seat freed on the
 * new track, arrive after all (cancellations and bookings come on different topics, in either
 * order). A seat freed for a waiting client (a waitlist
 * promotion) is told as a transfer's sessions are, once the client's welcome is queued (before
 * that, the welcome names the first session). Sessions booked for an enrollment, the rolling
 * horizon or any other reason are not told here (the welcome and the reminders tell them).
 */
@Service
class ScheduleNotices {

    private final GatheredNotices transfers;
    private final GatheredNotices holds;
    private final ClientMessages messages;
    private final SendWindowProperties window;
    private final Reminders welcomes;

    ScheduleNotices(
            JdbcTemplate jdbc,
            ClientMessages messages,
            SendWindowProperties window,
            ReminderProperties reminders,
            Reminders welcomes) {
        this.transfers =
                new GatheredNotices(jdbc, messages, window, MessageKind.SCHEDULE_CHANGED, reminders.noticeGathering());
        this.holds =
                new GatheredNotices(jdbc, messages, window, MessageKind.SCHEDULE_ON_HOLD, reminders.noticeGathering());
        this.messages = messages;
        this.window = window;
        this.welcomes = welcomes;
    }

    /**
     * A session moved ({@code startsAt}) or cancelled (null), in its event's transaction under the
     * client's lock: a transfer notice still waiting names its new time, or no longer lists it.
     */
    void changed(UUID clientId, UUID sessionId, Instant startsAt, Recipient recipient, ZoneId zone, Instant now) {
        transfers.changed(clientId, sessionId, startsAt, recipient, zone, now);
    }

    /**
     * A session a track change cancelled, in its event's transaction under the client's lock, for an
     * enrolled client: gathered into the hold notice unless a transfer's sessions are already
     * gathered for the client from today on (their schedule notice tells the change).
     */
    void trackChanged(SessionCancelled event, Recipient recipient, ZoneId zone, Instant now) {
        if (!transfers.gatheredFrom(event.clientId(), now.atZone(zone).toLocalDate())) {
            holds.gather(event.clientId(), event.sessionId(), event.startsAt(), recipient, zone, now);
        }
    }

    /** In the booking's transaction, under the client's lock, for an enrolled client. */
    void booked(SessionScheduled event, Recipient recipient, ClientSession session, ZoneId zone, Instant now) {
        if (event.reason() == BookingReason.TRANSFER || event.reason() == BookingReason.WAITLIST_PROMOTION) {
            // the new schedule's sessions: a hold notice still waiting has nothing left to say
            holds.withdraw(event.clientId(), "new sessions were booked");
            // a seat freed for a waiting client is told as a transfer's sessions are, once the
            // welcome is queued (before that, the welcome names the first session)
            if (event.reason() == BookingReason.TRANSFER || welcomes.welcomed(recipient)) {
                transfers.gather(event.clientId(), event.sessionId(), session.startsAt(), recipient, zone, now);
            }
        } else if (event.reason() == BookingReason.MAKE_UP && session.startsAt().isAfter(now)) {
            Instant at = window.window().nextOpening(now, zone);
            if (at.isBefore(session.startsAt())) {
                messages.toClient(
                        recipient,
                        MessageKind.MAKE_UP_BOOKED,
                        Reminders.sessionValues(session, zone),
                        event.eventId(),
                        at,
                        session.startsAt());
            }
        }
    }
}
