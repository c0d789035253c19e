package org.iopcare.notification.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.notification.recipient.ClientPreferences;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.recipient.QuietHours;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.ReminderChannels;
import org.iopcare.support.staff.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders a kind's template and queues it: to a client on the channels of their preferences that
 * they can be reached on and consented to, in their language, outside their quiet hours; or to a
 * staff address. The dispatcher checks consent again before each send.
 */
@Service
public class ClientMessages {

    private final Messages messages;
    private final MessageTemplates templates;
    private final ClinicProperties clinic;
    private final PreferenceStore preferences;
    private final Clock clock;
    private final FrequencyCapProperties cap;
    private final JdbcTemplate jdbc;
    private final LocalTime windowStart;
    private final LocalTime windowEnd;

    @Autowired
    ClientMessages(
            Messages messages,
            MessageTemplates templates,
            ClinicProperties clinic,
            PreferenceStore preferences,
            Clock clock,
            FrequencyCapProperties cap,
            JdbcTemplate jdbc,
            Environment environment) {
        this(
                messages,
                templates,
                clinic,
                preferences,
                clock,
                cap,
                jdbc,
                LocalTime.parse(environment.getProperty("iopcare.notification.send-window.start", "08:00")),
                LocalTime.parse(environment.getProperty("iopcare.notification.send-window.end", "21:00")));
    }

    /** With a clock, a cap and a send window of its own (tests of the cap at chosen times). */
    ClientMessages(
            Messages messages,
            MessageTemplates templates,
            ClinicProperties clinic,
            PreferenceStore preferences,
            Clock clock,
            FrequencyCapProperties cap,
            JdbcTemplate jdbc,
            LocalTime windowStart,
            LocalTime windowEnd) {
        this.cap = cap;
        this.jdbc = jdbc;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.messages = messages;
        this.templates = templates;
        this.clinic = clinic;
        this.preferences = preferences;
        this.clock = clock;
    }

    /**
     * Queues {@code kind} to the client on each reachable channel of their preferences, held back
     * until {@code notBefore} (null: at once) and past their quiet hours; returns how many messages
     * were queued now (a repeated source event queues none).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toClient(
            Recipient recipient,
            MessageKind kind,
            Map<String, Object> values,
            UUID sourceEventId,
            @Nullable Instant notBefore) {
        return toClient(recipient, kind, values, sourceEventId, notBefore, null);
    }

    /**
     * As above, under the frequency cap ({@link FrequencyCap}) for a kind it counts: a message the cap
     * does not allow at its time is HELD until the next allowed time (the reason in its detail); one
     * for which no allowed time comes before {@code deadline} (a reminder's session; null: none) is
     * SUPPRESSED with the reason, so staff see what the cap kept back. The client's messages are
     * counted and queued one transaction at a time (row lock on the recipient).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toClient(
            Recipient recipient,
            MessageKind kind,
            Map<String, Object> values,
            UUID sourceEventId,
            @Nullable Instant notBefore,
            @Nullable Instant deadline) {
        ClientPreferences chosen = preferences.find(recipient.clientId());
        ReminderChannels channels = chosen.effectiveChannels(recipient);
        Instant at = outsideQuietHours(chosen.quietHours(), recipient, notBefore);
        Instant capAt = null;
        String held = null;
        String refused = null;
        if (kind.capped()) {
            jdbc.query("SELECT 1 FROM recipient WHERE client_id = ? FOR UPDATE", rs -> {}, recipient.clientId());
            Instant now = Instant.now(clock);
            Instant from = at == null || at.isBefore(now) ? now : at;
            ZoneId zone = zone(recipient);
            List<Instant> taken =
                    messages.capTimes(recipient.clientId(), from.minus(Duration.ofDays(8)), sourceEventId);
            Optional<Instant> slot = FrequencyCap.slot(
                    taken, from, zone, cap.perDay(), cap.perRollingWeek(), windowStart, windowEnd, deadline);
            if (slot.isEmpty()) {
                refused = FrequencyCap.breaks(taken, from, zone, cap.perDay(), cap.perRollingWeek())
                        + "; no allowed time before the session";
                capAt = from;
            } else if (slot.get().isAfter(from)) {
                held = FrequencyCap.breaks(taken, from, zone, cap.perDay(), cap.perRollingWeek())
                        + "; moved to the next allowed time";
                Instant later = outsideQuietHours(chosen.quietHours(), recipient, slot.get());
                at = later == null ? slot.get() : later;
                capAt = at;
            } else {
                capAt = from;
            }
        }
        int queued = 0;
        for (Channel channel : kind.channels()) {
            String destination = destination(recipient, channel);
            if (destination == null || !(channel == Channel.SMS ? channels.sms() : channels.email())) {
                continue;
            }
            String body = templates.render(kind, channel, chosen.language(), withName(recipient, values));
            if (messages.queue(
                    recipient.clientId(),
                    Audience.CLIENT,
                    kind,
                    channel,
                    destination,
                    body,
                    sourceEventId,
                    at,
                    templates.optOutHint(chosen.language()))) {
                queued++;
                if (capAt != null) {
                    messages.capped(sourceEventId, kind, channel, capAt, held, refused);
                }
            }
        }
        return refused == null ? queued : 0;
    }

    private static ZoneId zone(Recipient recipient) {
        try {
            return recipient.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(recipient.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /**
     * Like {@link #toClient}, for a notice that gathers several causes: the message of {@code
     * sourceEventId} takes the new text when it is still waiting on every channel, or is queued when
     * there is none yet. Returns false, changing nothing, when it already went (or is going) out on
     * some channel: the caller tells it another time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean toClientGathered(
            Recipient recipient,
            MessageKind kind,
            Map<String, Object> values,
            UUID sourceEventId,
            @Nullable Instant notBefore) {
        Map<Channel, Messages.Pending> pending = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : kind.channels()) {
            Messages.Pending state = messages.lockPending(sourceEventId, kind, channel);
            if (state == Messages.Pending.SPENT) {
                return false;
            }
            pending.put(channel, state);
        }
        ClientPreferences chosen = preferences.find(recipient.clientId());
        for (Channel channel : kind.channels()) {
            if (pending.get(channel) == Messages.Pending.OPEN) {
                String body = templates.render(kind, channel, chosen.language(), withName(recipient, values));
                messages.replaceText(sourceEventId, kind, channel, body, templates.optOutHint(chosen.language()));
            }
        }
        toClient(recipient, kind, values, sourceEventId, notBefore);
        return true;
    }

    /**
     * Withdraws a gathered notice (see {@link #toClientGathered}) that has not gone out on any
     * channel: its messages are cancelled with {@code detail}. Returns false, changing nothing, when
     * it went (or is going) out on some channel, or was never queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean withdrawGathered(MessageKind kind, UUID sourceEventId, String detail) {
        boolean queued = false;
        for (Channel channel : kind.channels()) {
            Messages.Pending state = messages.lockPending(sourceEventId, kind, channel);
            if (state == Messages.Pending.SPENT) {
                return false;
            }
            queued |= state == Messages.Pending.OPEN;
        }
        for (Channel channel : kind.channels()) {
            messages.cancelOpen(sourceEventId, kind, channel, detail);
        }
        return queued;
    }

    /** Queues a staff alert by email to the care team's address. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toCareTeam(UUID clientId, MessageKind kind, Map<String, Object> values, UUID sourceEventId) {
        toStaff(clientId, kind, clinic.careTeamEmail(), values, sourceEventId);
    }

    /** Queues a staff alert by email to {@code address}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toStaff(
            UUID clientId, MessageKind kind, String address, Map<String, Object> values, UUID sourceEventId) {
        String body = templates.render(kind, Channel.EMAIL, values);
        messages.queue(clientId, Audience.STAFF, kind, Channel.EMAIL, address, body, sourceEventId, null);
    }

    /**
     * Queues a staff alert by email to one named staff member at {@code address}, once per event
     * and recipient (an alert that goes to several people).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean toStaffMember(
            String staffId,
            UUID clientId,
            MessageKind kind,
            String address,
            Map<String, Object> values,
            UUID sourceEventId) {
        String body = templates.render(kind, Channel.EMAIL, values);
        return messages.queueFor(staffId, clientId, kind, Channel.EMAIL, address, body, sourceEventId);
    }

    /**
     * Queues a staff alert to each of {@code members}: by email to those with an address and, for a
     * kind that has an SMS text, by SMS to those with a phone, once per event, member and channel (a
     * redelivered event queues nothing more). Returns how many members were reachable at all: 0 means
     * nothing was queued and the caller decides where the alert goes instead.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toStaffMembers(
            List<StaffMember> members,
            UUID clientId,
            MessageKind kind,
            Map<String, Object> values,
            UUID sourceEventId) {
        int reachable = 0;
        for (StaffMember member : members) {
            boolean reached = false;
            if (member.email() != null) {
                toStaffMember(member.id(), clientId, kind, member.email(), values, sourceEventId);
                reached = true;
            }
            if (member.phone() != null && kind.channels().contains(Channel.SMS)) {
                String text = templates.render(kind, Channel.SMS, values);
                messages.queueFor(member.id(), clientId, kind, Channel.SMS, member.phone(), text, sourceEventId);
                reached = true;
            }
            if (reached) {
                reachable++;
            }
        }
        return reachable;
    }

    /** The address staff alerts about a client go to when no one more specific is known. */
    public String careTeamAddress() {
        return clinic.careTeamEmail();
    }

    private @Nullable Instant outsideQuietHours(
            @Nullable QuietHours quiet, Recipient recipient, @Nullable Instant notBefore) {
        if (quiet == null || recipient.timeZone() == null) {
            return notBefore;
        }
        Instant now = Instant.now(clock);
        Instant from = notBefore == null || notBefore.isBefore(now) ? now : notBefore;
        try {
            Instant after = quiet.after(from, ZoneId.of(recipient.timeZone()));
            return after.equals(from) ? notBefore : after;
        } catch (RuntimeException unknownZone) {
            return notBefore;
        }
    }

    private static @Nullable String destination(Recipient recipient, Channel channel) {
        return switch (channel) {
            case SMS -> recipient.reachableBySms() ? recipient.phone() : null;
            case EMAIL -> recipient.reachableByEmail() ? recipient.email() : null;
        };
    }

    private static Map<String, Object> withName(Recipient recipient, Map<String, Object> values) {
        if (values.containsKey("preferredName") || recipient.preferredName() == null) {
            return values;
        }
        Map<String, Object> named = new java.util.HashMap<>(values);
        named.put("preferredName", recipient.preferredName());
        return named;
    }
}
