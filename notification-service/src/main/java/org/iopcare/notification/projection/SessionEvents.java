package org.iopcare.notification.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionMissed;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.ClientLock;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.reminder.Reminders;
import org.iopcare.notification.reminder.SendWindowProperties;
import org.iopcare.notification.session.ClientSession;
import org.iopcare.notification.session.SessionStore;
import org.iopcare.notification.work.ReplyWorkItems;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session side of the projection: {@code session-scheduled} plans reminders (and the welcome)
 * and tells a transfer's or a make-up's booking ({@link ScheduleNotices}), {@code session-cancelled}
 * drops them (and tells a transfer that could book nothing in their place), {@code session-missed} reaches out to the client and alerts
 * the care team. A session event may arrive before the client's enrollment. A scheduled or cancelled
 * session answers the client's earlier reschedule requests ({@link ReplyWorkItems#sessionChanged}).
 */
@Service
public class SessionEvents {

    private final ProcessedEvents processed;
    private final ClientLock clientLock;
    private final SessionStore sessions;
    private final RecipientRepository recipients;
    private final Reminders reminders;
    private final ClientMessages messages;
    private final SendWindowProperties window;
    private final Clock clock;
    private final ReplyWorkItems replyItems;
    private final CancellationNotices notices;
    private final ScheduleNotices bookings;

    SessionEvents(
            ProcessedEvents processed,
            ClientLock clientLock,
            SessionStore sessions,
            RecipientRepository recipients,
            Reminders reminders,
            ClientMessages messages,
            SendWindowProperties window,
            Clock clock,
            ReplyWorkItems replyItems,
            CancellationNotices notices,
            ScheduleNotices bookings) {
        this.replyItems = replyItems;
        this.notices = notices;
        this.bookings = bookings;
        this.processed = processed;
        this.clientLock = clientLock;
        this.sessions = sessions;
        this.recipients = recipients;
        this.reminders = reminders;
        this.messages = messages;
        this.window = window;
        this.clock = clock;
    }

    @Transactional
    public void on(SessionScheduled event) {
        if (!processed.claim("notification-service:session-scheduled", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        replyItems.sessionChanged(event.clientId(), event.occurredAt());
        Instant now = Instant.now(clock);
        if (!sessions.scheduled(event, now)) {
            return; // cancelled or missed before its schedule arrived
        }
        Optional<ClientSession> session = sessions.find(event.sessionId());
        session.ifPresent(booked -> reminders.plan(booked, now));
        Optional<Recipient> recipient = recipients.findById(event.clientId());
        recipient.ifPresent(enrolled -> reminders.planWelcome(enrolled, now));
        if (recipient.isPresent() && recipient.get().enrolled() && session.isPresent()) {
            bookings.booked(event, recipient.get(), session.get(), Reminders.zone(recipient, session.get()), now);
        }
    }

    @Transactional
    public void on(SessionCancelled event) {
        if (!processed.claim("notification-service:session-cancelled", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        replyItems.sessionChanged(event.clientId(), event.occurredAt());
        Instant now = Instant.now(clock);
        sessions.ended(event.sessionId(), event.clientId(), event.startsAt(), "CANCELLED", now);
        reminders.cancel(event.sessionId());
        Optional<Recipient> recipient = recipients.findById(event.clientId());
        Optional<ClientSession> session = sessions.find(event.sessionId());
        if (recipient.isPresent() && recipient.get().enrolled() && session.isPresent()) {
            ZoneId zone = Reminders.zone(recipient, session.get());
            notices.cancelled(event, recipient.get(), zone, now);
            bookings.changed(event.clientId(), event.sessionId(), null, recipient.get(), zone, now);
            if (event.reason() == CancellationReason.TRACK_CHANGE) {
                bookings.trackChanged(event, recipient.get(), zone, now);
            }
        }
    }

    /**
     * A session staff moved: its reminders are planned again for the new time, and the client gets
     * one notice of the new time (not a cancellation and a new booking). Reminders of the old time
     * that already went out are not repeated for the same offset.
     */
    @Transactional
    public void on(SessionRescheduled event) {
        if (!processed.claim("notification-service:session-rescheduled", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        replyItems.sessionChanged(event.clientId(), event.occurredAt());
        Instant now = Instant.now(clock);
        if (!sessions.moved(
                event.sessionId(), event.clientId(), event.startsAt(), event.endsAt(), event.joinUrl(), now)) {
            return; // cancelled or missed before the move arrived
        }
        reminders.cancel(event.sessionId());
        Optional<ClientSession> session = sessions.find(event.sessionId());
        if (session.isEmpty() || session.get().kind() == null) {
            return; // its schedule has not arrived: it plans the reminders at the moved time
        }
        reminders.plan(session.get(), now);
        Optional<Recipient> recipient = recipients.findById(event.clientId());
        if (recipient.isEmpty()
                || !recipient.get().enrolled()
                || !event.startsAt().isAfter(now)) {
            return;
        }
        ZoneId zone = Reminders.zone(recipient, session.get());
        bookings.changed(event.clientId(), event.sessionId(), event.startsAt(), recipient.get(), zone, now);
        Instant at = window.window().nextOpening(now, zone);
        if (at.isBefore(event.startsAt())) {
            messages.toClient(
                    recipient.get(),
                    MessageKind.SESSION_MOVED,
                    Reminders.sessionValues(session.get(), zone),
                    event.eventId(),
                    at,
                    event.startsAt());
        }
    }

    @Transactional
    public void on(SessionMissed event) {
        if (!processed.claim("notification-service:session-missed", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        Instant now = Instant.now(clock);
        sessions.ended(event.sessionId(), event.clientId(), event.startsAt(), "MISSED", now);
        Optional<Recipient> recipient = recipients.findById(event.clientId());
        if (recipient.isEmpty() || !recipient.get().enrolled()) {
            return;
        }
        ZoneId zone = zone(recipient.get());
        messages.toClient(
                recipient.get(),
                MessageKind.MISSED_SESSION_OUTREACH,
                Map.of(),
                event.eventId(),
                window.window().nextOpening(now, zone));
        messages.toCareTeam(
                event.clientId(),
                MessageKind.CARE_TEAM_MISSED_ALERT,
                Map.of(
                        "clientId", event.clientId().toString(),
                        "sessionId", event.sessionId().toString(),
                        "sessionStart", event.startsAt().atZone(zone).toString(),
                        "consecutiveMisses", event.consecutiveMisses(),
                        "missesInLast14Days", event.missesInLast14Days()),
                event.eventId());
    }

    static ZoneId zone(Recipient recipient) {
        try {
            return recipient.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(recipient.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
