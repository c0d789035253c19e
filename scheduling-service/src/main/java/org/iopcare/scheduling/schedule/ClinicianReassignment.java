package org.iopcare.scheduling.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionKind;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives a client's individual sessions and check-ins to their new primary clinician. */
@Service
class ClinicianReassignment {

    private final Tracks tracks;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final SessionBooking booking;
    private final SessionOutbox published;
    private final SchedulingWorkItems work;

    ClinicianReassignment(
            Tracks tracks,
            ScheduleStore schedules,
            SessionStore sessions,
            SessionBooking booking,
            SessionOutbox published,
            SchedulingWorkItems work) {
        this.tracks = tracks;
        this.schedules = schedules;
        this.sessions = sessions;
        this.booking = booking;
        this.published = published;
        this.work = work;
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
                published.cancel(session, CancellationReason.STAFF, now);
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
                published.rescheduled(session, moved, now);
            }
        }
        schedules.reassignOpenNeeds(schedule.clientId(), clinicianId);
        booking.retryNeeds(clinicianId, now);
        return unplaced;
    }
}
