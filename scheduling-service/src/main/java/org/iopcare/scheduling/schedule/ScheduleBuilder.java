package org.iopcare.scheduling.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.enrollment.ClientEnrollment;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.TrackReplaced;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.iopcare.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds and re-builds client schedules: a seat in the track (or the waitlist), the track's group
 * sessions over the rolling horizon, the weekly individual session and the biweekly check-in in
 * the clinician's availability. Every session created or cancelled is published through the outbox
 * in the caller's transaction.
 */
@Service
public class ScheduleBuilder {

    private static final Logger log = LoggerFactory.getLogger(ScheduleBuilder.class);

    private final Tracks tracks;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final Outbox outbox;
    private final SchedulingProperties settings;
    private final Clock clock;
    private final SchedulingWorkItems work;

    ScheduleBuilder(
            Tracks tracks,
            ScheduleStore schedules,
            SessionStore sessions,
            Outbox outbox,
            SchedulingProperties settings,
            Clock clock,
            SchedulingWorkItems work) {
        this.tracks = tracks;
        this.schedules = schedules;
        this.sessions = sessions;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.work = work;
    }

    /**
     * Plans a client's schedule from their (new) enrollment. A re-enrollment (another track, start
     * date or clinician) cancels every upcoming session and plans again, in one transaction.
     */
    @Transactional
    public void plan(ClientEnrollment enrollment) {
        Instant now = clock.instant();
        Optional<ProgramTrack> known = tracks.find(enrollment.trackCode());
        if (known.isEmpty()) {
            log.warn("Enrollment {} names a track scheduling does not know; not scheduled", enrollment.enrollmentId());
            return;
        }
        Optional<ClientSchedule> previous = schedules.lock(enrollment.clientId());
        previous.ifPresent(p -> cancelUpcoming(p.clientId(), now, CancellationReason.TRACK_CHANGE, now));
        schedules.forgetTransfer(enrollment.clientId());
        previous.ifPresent(p -> schedules.endOn(p.clientId(), null));
        ProgramTrack track = tracks.lock(enrollment.trackCode());
        boolean keepsSeat = previous.filter(p -> p.status() == ClientSchedule.Status.ACTIVE
                        && p.trackCode().equals(track.code()))
                .isPresent();
        ClientSchedule.Status status = keepsSeat || schedules.countActive(track.code()) < track.capacity()
                ? ClientSchedule.Status.ACTIVE
                : ClientSchedule.Status.WAITLISTED;
        ClientSchedule schedule = new ClientSchedule(
                enrollment.clientId(),
                track.code(),
                status,
                enrollment.startDate(),
                enrollment.primaryClinicianId(),
                enrollment.ageGroup(),
                null);
        schedules.save(schedule, now);
        extend(schedule, track, now, BookingReason.ENROLLMENT);
        previous.filter(p -> p.status() == ClientSchedule.Status.ACTIVE
                        && !p.trackCode().equals(track.code()))
                .ifPresent(p -> promote(p.trackCode(), now));
    }

    /**
     * Moves a client to another track from {@code effective} on, within their enrollment: the
     * previous track's sessions are planned up to the day before (where the horizon had not reached
     * yet), its group sessions from that day are cancelled ({@code TRACK_CHANGE}), the client takes a
     * seat in the new track, or its waitlist when the track is full, and its meetings from that day
     * are booked; a freed seat promotes the previous track's waitlist. Individual sessions and
     * check-ins stay. One transaction; every session published.
     */
    @Transactional
    public void transfer(ClientSchedule current, String trackCode, LocalDate effective, Instant now) {
        ProgramTrack previous = tracks.lock(current.trackCode());
        LocalDate dayBefore = effective.minusDays(1);
        if (current.status() != ClientSchedule.Status.ENDED
                && (current.scheduledThrough() == null
                        || current.scheduledThrough().isBefore(dayBefore))) {
            extend(current, previous, now, dayBefore, BookingReason.HORIZON);
        }
        ClientSchedule extended = schedules.find(current.clientId()).orElse(current);
        sessions
                .lockUpcoming(
                        current.clientId(),
                        effective.atStartOfDay(previous.zone()).toInstant())
                .stream()
                .filter(session -> session.kind() == SessionKind.GROUP)
                .forEach(session -> cancel(session, CancellationReason.TRACK_CHANGE, now));
        ProgramTrack track = tracks.lock(trackCode);
        ClientSchedule.Status status = schedules.countActive(track.code()) < track.capacity()
                ? ClientSchedule.Status.ACTIVE
                : ClientSchedule.Status.WAITLISTED;
        schedules.recordTransfer(current.clientId(), previous.code(), track.code(), effective, now);
        ClientSchedule moved = new ClientSchedule(
                current.clientId(),
                track.code(),
                status,
                current.startDate(),
                current.clinicianId(),
                current.ageGroup(),
                // from the effective day on, the new track's meetings are still to be booked
                extended.scheduledThrough() == null
                                || extended.scheduledThrough().isBefore(dayBefore)
                        ? extended.scheduledThrough()
                        : dayBefore);
        schedules.save(moved, now);
        extend(moved, track, now, BookingReason.TRANSFER);
        if (current.status() == ClientSchedule.Status.ACTIVE) {
            promote(previous.code(), now);
        }
    }

    /**
     * Gives the client's upcoming individual sessions and check-ins to a new primary clinician: each
     * keeps its time when the new clinician is free then, else moves to the new clinician's first
     * free slot of its week ({@code session-rescheduled}); one without any slot that week is
     * cancelled ({@code STAFF}) and becomes a booking need. Open needs wait for the new clinician.
     * Group seats are the track's and stay. One transaction, under the new clinician's booking lock.
     *
     * @return how many sessions could not be given to the new clinician
     */
    @Transactional
    public int reassign(ClientSchedule schedule, String clinicianId, Instant now) {
        if (clinicianId.equals(schedule.clinicianId()) || schedule.status() == ClientSchedule.Status.ENDED) {
            return 0;
        }
        ZoneId zone = tracks.get(schedule.trackCode()).zone();
        schedules.save(schedule.withClinician(clinicianId), now);
        sessions.lockClinician(clinicianId);
        List<AvailabilityWindow> availability = schedules.availability(clinicianId);
        List<Interval> timeOff =
                schedules.timeOff(clinicianId).stream().map(TimeOff::interval).toList();
        int unplaced = 0;
        for (ClientSession session : sessions.lockUpcoming(schedule.clientId(), now)) {
            if (session.kind() == SessionKind.GROUP || clinicianId.equals(session.clinicianId())) {
                continue;
            }
            LocalDate week = session.planWeek() != null
                    ? session.planWeek()
                    : LocalDate.ofInstant(session.startsAt(), session.zone())
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<Interval> busy = new ArrayList<>(sessions
                    .busy(
                            clinicianId,
                            schedule.clientId(),
                            week.minusDays(1).atStartOfDay(zone).toInstant(),
                            week.plusDays(8).atStartOfDay(zone).toInstant())
                    .stream()
                    .filter(interval -> !interval.equals(session.interval()))
                    .toList());
            busy.addAll(timeOff);
            Duration length = Duration.between(session.startsAt(), session.endsAt());
            Instant weekStart = week.atStartOfDay(zone).toInstant();
            Optional<Interval> slot = SessionPlanner.firstFreeSlot(
                            availability, week, session.startsAt(), length, busy, schedules::closedForAll)
                    .filter(same -> same.equals(session.interval()))
                    .or(() -> SessionPlanner.firstFreeSlot(
                            availability,
                            week,
                            weekStart.isAfter(now) ? weekStart : now,
                            length,
                            busy,
                            schedules::closedForAll));
            if (slot.isEmpty()) {
                cancel(session, CancellationReason.STAFF, now);
                schedules
                        .renewBookingNeed(
                                new ScheduleStore.BookingNeed(schedule.clientId(), session.kind(), week, clinicianId),
                                now)
                        .ifPresent(need -> work.bookingNeeded(need, schedule.clientId(), session.kind(), zone));
                unplaced++;
                continue;
            }
            ClientSession moved = new ClientSession(
                    session.id(),
                    session.clientId(),
                    session.kind(),
                    null,
                    clinicianId,
                    session.planWeek(),
                    slot.get().start(),
                    slot.get().end(),
                    session.zone(),
                    session.modality(),
                    session.status(),
                    null);
            sessions.move(moved);
            if (!slot.get().equals(session.interval())) {
                outbox.append(new SessionRescheduled(
                        UUID.randomUUID(),
                        now,
                        session.clientId(),
                        session.id(),
                        session.startsAt(),
                        session.endsAt(),
                        moved.startsAt(),
                        moved.endsAt()));
            }
        }
        schedules.reassignOpenNeeds(schedule.clientId(), clinicianId);
        retryNeeds(clinicianId, now);
        return unplaced;
    }

    /**
     * Re-plans a changed track's upcoming meetings in the change's transaction: a meeting on a day
     * the track still meets moves with its roster to the new time ({@code session-rescheduled} per
     * seat whose time changed); a meeting on a day it no longer meets, or whose new time has
     * passed, is cancelled with its seats ({@code TRACK_CHANGE}, {@code session-cancelled} each);
     * every seated client then joins the meetings of the new days up to their schedule's end
     * ({@code session-scheduled} each), a roster never beyond the capacity.
     */
    @EventListener
    public void replan(TrackReplaced replaced) {
        ProgramTrack track = replaced.track();
        Instant now = replaced.at();
        for (GroupSession group : sessions.lockUpcomingGroupSessions(track.code(), now)) {
            Optional<ProgramTrack.Meeting> meeting =
                    track.meetingOn(group.date()).filter(m -> m.startsAt().isAfter(now));
            if (meeting.isEmpty()) {
                sessions.cancelGroupSession(group.id());
                sessions.lockRoster(group.id()).forEach(seat -> cancel(seat, CancellationReason.TRACK_CHANGE, now));
                continue;
            }
            sessions.moveGroupSession(group.id(), track, meeting.get());
            for (ClientSession seat : sessions.lockRoster(group.id())) {
                ClientSession moved = new ClientSession(
                        seat.id(),
                        seat.clientId(),
                        SessionKind.GROUP,
                        group.id(),
                        null,
                        seat.planWeek(),
                        meeting.get().startsAt(),
                        meeting.get().endsAt(),
                        track.zone(),
                        track.modality(),
                        seat.status(),
                        null);
                if (moved.interval().equals(seat.interval())
                        && moved.zone().equals(seat.zone())
                        && moved.modality() == seat.modality()) {
                    continue;
                }
                sessions.move(moved);
                if (!moved.interval().equals(seat.interval())) {
                    outbox.append(new SessionRescheduled(
                            UUID.randomUUID(),
                            now,
                            seat.clientId(),
                            seat.id(),
                            seat.startsAt(),
                            seat.endsAt(),
                            moved.startsAt(),
                            moved.endsAt()));
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(now, track.zone());
        for (ClientSchedule seated : schedules.lockSeated(track.code())) {
            if (seated.scheduledThrough() == null) {
                continue;
            }
            LocalDate from = latest(seated.startDate(), today, null);
            LocalDate groupsFrom = schedules
                    .transferredOnto(seated.clientId(), track.code())
                    .filter(from::isBefore)
                    .orElse(from);
            joinGroups(seated, track, groupsFrom, seated.scheduledThrough(), now, BookingReason.TRACK_REPLANNED);
        }
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

    /** Gives free seats of a track to the first clients on its waitlist. */
    @Transactional
    public void promote(String trackCode, Instant now) {
        ProgramTrack track = tracks.lock(trackCode);
        while (schedules.countActive(trackCode) < track.capacity()) {
            Optional<ClientSchedule> first = schedules.firstWaiting(trackCode);
            if (first.isEmpty()) {
                return;
            }
            ClientSchedule w = first.get();
            // Back to the start: the group sessions of the whole horizon are now theirs to book.
            ClientSchedule active = new ClientSchedule(
                    w.clientId(),
                    trackCode,
                    ClientSchedule.Status.ACTIVE,
                    w.startDate(),
                    w.clinicianId(),
                    w.ageGroup(),
                    null);
            schedules.save(active, now);
            log.info("Client {} promoted from the waitlist of {}", w.clientId(), trackCode);
            extend(active, track, now, BookingReason.WAITLIST_PROMOTION);
        }
    }

    /** Cancels a client's sessions from {@code from} on that have no attendance, publishing each. */
    List<ClientSession> cancelUpcoming(UUID clientId, Instant from, CancellationReason reason, Instant now) {
        List<ClientSession> upcoming = sessions.lockUpcoming(clientId, from);
        upcoming.forEach(session -> cancel(session, reason, now));
        return upcoming;
    }

    void cancel(ClientSession session, CancellationReason reason, Instant now) {
        sessions.cancel(session.id(), reason);
        outbox.append(new SessionCancelled(
                UUID.randomUUID(), now, session.clientId(), session.id(), session.startsAt(), reason));
    }

    void extend(ClientSchedule schedule, ProgramTrack track, Instant now, BookingReason reason) {
        extend(schedule, track, now, null, reason);
    }

    /** Extends the schedule through {@code until}, or through the horizon when null. */
    private void extend(
            ClientSchedule schedule, ProgramTrack track, Instant now, LocalDate until, BookingReason reason) {
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
                schedule.startDate(),
                today,
                schedule.scheduledThrough() == null
                        ? null
                        : schedule.scheduledThrough().plusDays(1));
        if (from.isAfter(through)) {
            return;
        }
        if (schedule.status() == ClientSchedule.Status.ACTIVE) {
            // a client transferred onto the track sits in its groups from the transfer's day on
            LocalDate groupsFrom = schedules
                    .transferredOnto(schedule.clientId(), track.code())
                    .filter(from::isBefore)
                    .orElse(from);
            joinGroups(schedule, track, groupsFrom, through, now, reason);
        }
        List<AvailabilityWindow> availability = schedules.availability(schedule.clinicianId());
        for (LocalDate week : SessionPlanner.weeks(from, through)) {
            Instant earliest =
                    latest(week, from, null).atStartOfDay(track.zone()).toInstant();
            book(
                    schedule,
                    SessionKind.INDIVIDUAL_THERAPY,
                    week,
                    earliest,
                    settings.individualMinutes(),
                    availability,
                    track.zone(),
                    now,
                    reason);
            if (SessionPlanner.isCheckInWeek(schedule.startDate(), week)) {
                book(
                        schedule,
                        SessionKind.CLINICIAN_CHECK_IN,
                        week,
                        earliest,
                        settings.checkInMinutes(),
                        availability,
                        track.zone(),
                        now,
                        reason);
            }
        }
        schedules.save(schedule.withScheduledThrough(through), now);
    }

    private void joinGroups(
            ClientSchedule schedule,
            ProgramTrack track,
            LocalDate from,
            LocalDate through,
            Instant now,
            BookingReason reason) {
        for (ProgramTrack.Meeting meeting :
                SessionPlanner.meetings(track, from, through, day -> schedules.closed(track.code(), day))) {
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
                published(seat, now, reason);
            }
        }
    }

    /**
     * Books the open needs recorded against a clinician's availability into the availability as it
     * is now (after staff changed it), for clients the clinician still serves and weeks not over.
     *
     * @return how many sessions were booked
     */
    int retryNeeds(String clinicianId, Instant now) {
        List<AvailabilityWindow> availability = schedules.availability(clinicianId);
        if (availability.isEmpty()) {
            return 0;
        }
        int booked = 0;
        for (ScheduleStore.BookingNeed need : schedules.openNeedsOf(clinicianId)) {
            Optional<ClientSchedule> served = schedules
                    .find(need.clientId())
                    .filter(s -> s.status() != ClientSchedule.Status.ENDED && clinicianId.equals(s.clinicianId()));
            if (served.isEmpty()) {
                continue;
            }
            ClientSchedule schedule = served.get();
            ZoneId zone = tracks.get(schedule.trackCode()).zone();
            if (!need.weekStart().plusWeeks(1).isAfter(LocalDate.ofInstant(now, zone))) {
                continue;
            }
            Instant earliest = latest(need.weekStart(), schedule.startDate(), null)
                    .atStartOfDay(zone)
                    .toInstant();
            int minutes = need.kind() == SessionKind.CLINICIAN_CHECK_IN
                    ? settings.checkInMinutes()
                    : settings.individualMinutes();
            if (book(
                    schedule,
                    need.kind(),
                    need.weekStart(),
                    earliest,
                    minutes,
                    availability,
                    zone,
                    now,
                    BookingReason.NEED_FILLED)) {
                booked++;
            }
        }
        return booked;
    }

    /** Books one planned session of the week, or records the need for one; true when booked. */
    private boolean book(
            ClientSchedule schedule,
            SessionKind kind,
            LocalDate week,
            Instant earliest,
            int minutes,
            List<AvailabilityWindow> availability,
            ZoneId zone,
            Instant now,
            BookingReason reason) {
        if (sessions.hasPlanned(schedule.clientId(), kind, week)) {
            return false;
        }
        // One booking per clinician at a time: two clients cannot take the same free slot.
        sessions.lockClinician(schedule.clinicianId());
        Instant weekStart = week.minusDays(1).atStartOfDay(zone).toInstant();
        Instant weekEnd = week.plusDays(8).atStartOfDay(zone).toInstant();
        List<Interval> busy =
                new ArrayList<>(sessions.busy(schedule.clinicianId(), schedule.clientId(), weekStart, weekEnd));
        schedules.timeOff(schedule.clinicianId()).forEach(off -> busy.add(off.interval()));
        Optional<Interval> slot = SessionPlanner.firstFreeSlot(
                availability,
                week,
                earliest.isAfter(now) ? earliest : now,
                Duration.ofMinutes(minutes),
                busy,
                schedules::closedForAll);
        if (slot.isEmpty()) {
            schedules
                    .addBookingNeed(
                            new ScheduleStore.BookingNeed(schedule.clientId(), kind, week, schedule.clinicianId()), now)
                    .ifPresent(need -> work.bookingNeeded(need, schedule.clientId(), kind, zone));
            return false;
        }
        ZoneId sessionZone = availability.get(0).zone();
        ClientSession session = new ClientSession(
                UUID.randomUUID(),
                schedule.clientId(),
                kind,
                null,
                schedule.clinicianId(),
                week,
                slot.get().start(),
                slot.get().end(),
                sessionZone,
                SessionModality.IN_PERSON,
                ClientSession.SCHEDULED,
                null);
        if (sessions.insert(session, now)) {
            work.bookingNeedsResolved(
                    schedules.resolveBookingNeed(schedule.clientId(), kind, week, now), SchedulingWorkItems.BOOKED);
            published(session, now, reason);
            return true;
        }
        return false;
    }

    /** Publishes {@code session-scheduled} for a session just booked, with why it was booked. */
    void published(ClientSession session, Instant now, BookingReason reason) {
        outbox.append(new SessionScheduled(
                UUID.randomUUID(),
                now,
                session.clientId(),
                session.id(),
                session.kind(),
                session.startsAt(),
                session.endsAt(),
                session.zone().getId(),
                session.modality(),
                null,
                reason));
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate latest = a.isAfter(b) ? a : b;
        return c != null && c.isAfter(latest) ? c : latest;
    }
}
