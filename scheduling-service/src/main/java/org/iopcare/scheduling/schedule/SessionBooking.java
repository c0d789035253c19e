package org.iopcare.scheduling.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.BookingReason;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.springframework.stereotype.Component;

/**
 * Books a client's individual session or check-in of a week into the first free slot of the
 * clinician's availability, or records a booking need when the week has none; books the open needs
 * again when the clinician's availability changes. Runs in the caller's transaction.
 */
@Component
class SessionBooking {

    private final Tracks tracks;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final SessionOutbox published;
    private final SchedulingProperties settings;
    private final SchedulingWorkItems work;

    SessionBooking(
            Tracks tracks,
            ScheduleStore schedules,
            SessionStore sessions,
            SessionOutbox published,
            SchedulingProperties settings,
            SchedulingWorkItems work) {
        this.tracks = tracks;
        this.schedules = schedules;
        this.sessions = sessions;
        this.published = published;
        this.settings = settings;
        this.work = work;
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
            LocalDate from = need.weekStart().isAfter(schedule.startDate()) ? need.weekStart() : schedule.startDate();
            Instant earliest = from.atStartOfDay(zone).toInstant();
            if (book(
                    schedule,
                    need.kind(),
                    need.weekStart(),
                    earliest,
                    availability,
                    zone,
                    now,
                    BookingReason.NEED_FILLED)) {
                booked++;
            }
        }
        return booked;
    }

    /**
     * Books one planned session of the week, or records the need for one; true when booked.
     *
     * @param earliest the session starts no earlier (nor before {@code now})
     * @param availability the clinician's weekly availability
     * @param zone the zone of the client's track, for the week's bounds
     * @param reason why the session is booked, published with it
     */
    boolean book(
            ClientSchedule schedule,
            SessionKind kind,
            LocalDate week,
            Instant earliest,
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
                Duration.ofMinutes(minutes(kind)),
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
            published.scheduled(session, now, reason);
            return true;
        }
        return false;
    }

    private int minutes(SessionKind kind) {
        return kind == SessionKind.CLINICIAN_CHECK_IN ? settings.checkInMinutes() : settings.individualMinutes();
    }
}
