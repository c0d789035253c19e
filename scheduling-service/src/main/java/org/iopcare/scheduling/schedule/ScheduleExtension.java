package org.iopcare.scheduling.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.iopcare.events.BookingReason;
import org.iopcare.events.SessionKind;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a client's sessions from their track up to the rolling horizon (or a given day): a seat in
 * each of the track's group sessions while the client holds a seat in the track, the weekly
 * individual session and the biweekly check-in in the clinician's availability.
 */
@Service
class ScheduleExtension {

    private static final Logger log = LoggerFactory.getLogger(ScheduleExtension.class);

    private final Tracks tracks;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final SessionBooking booking;
    private final SessionOutbox published;
    private final SchedulingProperties settings;
    private final Clock clock;

    ScheduleExtension(
            Tracks tracks,
            ScheduleStore schedules,
            SessionStore sessions,
            SessionBooking booking,
            SessionOutbox published,
            SchedulingProperties settings,
            Clock clock) {
        this.tracks = tracks;
        this.schedules = schedules;
        this.sessions = sessions;
        this.booking = booking;
        this.published = published;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Extends a batch of schedules that fall behind the horizon. Rows another instance is working
     * on are skipped, so several instances share the work without doing any of it twice.
     *
     * @return how many schedules were extended
     */
    @Transactional
    public int extendDue(int batch) {
        Instant now = clock.instant();
        // Two days of slack cover every zone's "today" against UTC, so an extended row leaves the query.
        LocalDate threshold = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(settings.horizon().toDays() - 2);
        List<ClientSchedule> due = schedules.lockDueForExtension(threshold, batch);
        for (ClientSchedule schedule : due) {
            extend(schedule, tracks.get(schedule.trackCode()), now, BookingReason.HORIZON);
        }
        return due.size();
    }

    /** Extends the schedule through the horizon. */
    void extend(ClientSchedule schedule, ProgramTrack track, Instant now, BookingReason reason) {
        extend(schedule, track, now, null, reason);
    }

    /** Extends the schedule through {@code until}, or through the horizon when null. */
    void extend(
            ClientSchedule schedule, ProgramTrack track, Instant now, @Nullable LocalDate until, BookingReason reason) {
        LocalDate today = LocalDate.ofInstant(now, track.zone());
        LocalDate horizon =
                until != null ? until : today.plusDays(settings.horizon().toDays());
        // a discharge dated ahead: nothing from its day on
        LocalDate through = schedules
                .endsOn(schedule.clientId())
                .map(day -> day.minusDays(1))
                .filter(horizon::isAfter)
                .orElse(horizon);
        LocalDate from = latest(
                latest(schedule.startDate(), today),
                schedule.scheduledThrough() == null
                        ? null
                        : schedule.scheduledThrough().plusDays(1));
        if (from.isAfter(through)) {
            return;
        }
        if (schedule.status() == ClientSchedule.Status.ACTIVE) {
            joinGroups(schedule, track, from, through, now, reason);
        }
        List<AvailabilityWindow> availability = schedules.availability(schedule.clinicianId());
        for (LocalDate week : SessionPlanner.weeks(from, through)) {
            Instant earliest = latest(week, from).atStartOfDay(track.zone()).toInstant();
            booking.book(
                    schedule, SessionKind.INDIVIDUAL_THERAPY, week, earliest, availability, track.zone(), now, reason);
            if (SessionPlanner.isCheckInWeek(schedule.startDate(), week)) {
                booking.book(
                        schedule,
                        SessionKind.CLINICIAN_CHECK_IN,
                        week,
                        earliest,
                        availability,
                        track.zone(),
                        now,
                        reason);
            }
        }
        schedules.save(schedule.withScheduledThrough(through), now);
    }

    /**
     * Seats the client in the track's group sessions of [from, through] that have not begun and are
     * not full; a client transferred onto the track sits in its groups from the transfer's day on.
     */
    void joinGroups(
            ClientSchedule schedule,
            ProgramTrack track,
            LocalDate from,
            LocalDate through,
            Instant now,
            BookingReason reason) {
        LocalDate groupsFrom = schedules
                .transferredOnto(schedule.clientId(), track.code())
                .filter(from::isBefore)
                .orElse(from);
        for (ProgramTrack.Meeting meeting :
                SessionPlanner.meetings(track, groupsFrom, through, day -> schedules.closed(track.code(), day))) {
            if (meeting.startsAt().isBefore(now)) {
                continue;
            }
            GroupSession group = sessions.lockGroupSession(track, meeting);
            if (!ClientSession.SCHEDULED.equals(group.status()) || sessions.onRoster(group.id(), schedule.clientId())) {
                continue;
            }
            if (sessions.rosterSize(group.id()) >= group.capacity()) {
                // Seats are counted per track, so this only happens after a capacity cut: never overfill.
                log.warn("Group session {} is full; client {} not added", group.id(), schedule.clientId());
                continue;
            }
            ClientSession seat = ClientSession.seat(schedule.clientId(), group, track);
            if (sessions.insert(seat, now)) {
                published.scheduled(seat, now, reason);
            }
        }
    }

    /** The later of two days; {@code b} may be null. */
    static LocalDate latest(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
