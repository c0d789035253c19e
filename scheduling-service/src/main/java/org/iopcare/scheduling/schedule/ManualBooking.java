package org.iopcare.scheduling.schedule;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.events.BookingReason;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff book an individual session or check-in by hand, e.g. from the "needs booking" list. */
@Service
class ManualBooking {

    /**
     * A session booked by hand with the client's primary clinician.
     *
     * @param kind {@code INDIVIDUAL_THERAPY} (default) or {@code CLINICIAN_CHECK_IN}
     * @param startsAt start instant
     * @param minutes length
     * @param modality in person (default) or virtual
     */
    record Request(
            SessionKind kind,
            @NotNull Instant startsAt,
            @Min(10) @Max(240) int minutes,
            SessionModality modality) {}

    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final SessionOutbox published;
    private final Tracks tracks;
    private final Clock clock;
    private final SchedulingWorkItems work;

    ManualBooking(
            ScheduleStore schedules,
            SessionStore sessions,
            SessionOutbox published,
            Tracks tracks,
            Clock clock,
            SchedulingWorkItems work) {
        this.schedules = schedules;
        this.sessions = sessions;
        this.published = published;
        this.tracks = tracks;
        this.clock = clock;
        this.work = work;
    }

    @Transactional
    ClientSession book(UUID clientId, Request request) {
        SessionKind kind = request.kind() == null ? SessionKind.INDIVIDUAL_THERAPY : request.kind();
        if (kind == SessionKind.GROUP) {
            throw ProblemException.unprocessable("group-not-bookable", "Group sessions come from the track");
        }
        ClientSchedule schedule = schedules
                .find(clientId)
                .filter(s -> s.status() != ClientSchedule.Status.ENDED)
                .orElseThrow(() -> ProblemException.notFound("Schedule of client"));
        Instant now = clock.instant();
        if (!request.startsAt().isAfter(now)) {
            throw ProblemException.unprocessable("session-in-past", "startsAt must be in the future");
        }
        Interval slot =
                new Interval(request.startsAt(), request.startsAt().plus(Duration.ofMinutes(request.minutes())));
        sessions.lockClinician(schedule.clinicianId());
        if (sessions.busy(schedule.clinicianId(), clientId, slot.start(), slot.end()).stream()
                .anyMatch(slot::overlaps)) {
            throw ProblemException.conflict(
                    "double-booking", "The clinician or the client already has a session at that time");
        }
        ZoneId zone = tracks.get(schedule.trackCode()).zone();
        ClientSession session = new ClientSession(
                UUID.randomUUID(),
                clientId,
                kind,
                null,
                schedule.clinicianId(),
                null,
                slot.start(),
                slot.end(),
                zone,
                request.modality() == null ? SessionModality.IN_PERSON : request.modality(),
                ClientSession.SCHEDULED,
                null);
        sessions.insert(session, now);
        work.bookingNeedsResolved(
                schedules.resolveBookingNeed(
                        clientId, kind, SessionPlanner.weekOf(java.time.LocalDate.ofInstant(slot.start(), zone)), now),
                SchedulingWorkItems.BOOKED);
        published.scheduled(session, now, BookingReason.BOOKED_BY_STAFF);
        return session;
    }
}
