package org.iopcare.scheduling.schedule;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScheduleController {

    /** Schedules, the waitlist and booking needs: every client for scheduling, supervision and admin. */
    static final Caseload.Rule SCHEDULES =
            Caseload.clinicWide(StaffRole.SCHEDULER, StaffRole.CLINICAL_SUPERVISOR, StaffRole.PROGRAM_ADMIN);

    /** Booking and cancelling a session: every client for scheduling and admin. */
    static final Caseload.Rule BOOKINGS = Caseload.clinicWide(StaffRole.SCHEDULER, StaffRole.PROGRAM_ADMIN);

    private final Cancellations cancellations;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final ManualBooking booking;
    private final MakeUps makeUps;
    private final Reschedules reschedules;
    private final Caseload caseload;
    private final Clock clock;

    ScheduleController(
            Cancellations cancellations,
            ScheduleStore schedules,
            SessionStore sessions,
            ManualBooking booking,
            MakeUps makeUps,
            Reschedules reschedules,
            Caseload caseload,
            Clock clock) {
        this.cancellations = cancellations;
        this.schedules = schedules;
        this.sessions = sessions;
        this.booking = booking;
        this.makeUps = makeUps;
        this.reschedules = reschedules;
        this.caseload = caseload;
        this.clock = clock;
    }

    /**
     * Why a single session is cancelled.
     *
     * @param reason {@code CLIENT_REQUEST} (default) or {@code STAFF}
     */
    record CancelRequest(CancellationReason reason) {}

    @PostMapping("/api/sessions/{id}/cancel")
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','PROGRAM_ADMIN')")
    SessionView cancel(@PathVariable UUID id, @RequestBody(required = false) CancelRequest request) {
        UUID client = sessions.clientOf(id).orElseThrow(() -> ProblemException.notFound("Session"));
        caseload.require(client, BOOKINGS, "Session");
        CancellationReason reason =
                request == null || request.reason() == null ? CancellationReason.CLIENT_REQUEST : request.reason();
        ClientSession cancelled = cancellations.cancel(id, reason);
        return sessions.view(cancelled.id()).orElseThrow();
    }

    /** Moves a session that has not started to another time (and clinician or group); one move, one event. */
    @PostMapping("/api/sessions/{id}/reschedule")
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','PROGRAM_ADMIN')")
    SessionView reschedule(@PathVariable UUID id, @Valid @RequestBody Reschedules.Request request) {
        UUID client = sessions.clientOf(id).orElseThrow(() -> ProblemException.notFound("Session"));
        caseload.require(client, BOOKINGS, "Session");
        ClientSession moved = reschedules.reschedule(id, request);
        return sessions.view(moved.id()).orElseThrow();
    }

    /**
     * A client's sessions starting in [from, to) (dates in UTC). By default from yesterday, so that
     * the whole of today is listed in every time zone (at 19:00 in New York it is already tomorrow in
     * UTC), up to four weeks from today.
     */
    @GetMapping("/api/clients/{id}/sessions")
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    List<SessionView> sessions(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.minusDays(1) : from;
        LocalDate end = to == null ? (from == null ? today : start).plusWeeks(4) : to;
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > 400) {
            throw ProblemException.unprocessable("bad-range", "to must follow from, at most 400 days later");
        }
        caseload.require(id, SCHEDULES, "Schedule of client");
        schedules.find(id).orElseThrow(() -> ProblemException.notFound("Schedule of client"));
        return sessions.viewsForClient(
                id,
                start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @PostMapping("/api/clients/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','PROGRAM_ADMIN')")
    SessionView book(@PathVariable UUID id, @Valid @RequestBody ManualBooking.Request request) {
        caseload.require(id, BOOKINGS, "Schedule of client");
        return SessionView.of(booking.book(id, request));
    }

    /** A make-up seat in a group meeting with a free seat (another track's, or the client's own). */
    @PostMapping("/api/clients/{id}/make-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','PROGRAM_ADMIN')")
    SessionView makeUp(@PathVariable UUID id, @Valid @RequestBody MakeUps.Request request) {
        caseload.require(id, BOOKINGS, "Schedule of client");
        return SessionView.of(makeUps.book(id, request));
    }

    /** The track's waitlist; a clinician sees only their own clients, each with their place in the whole line. */
    @GetMapping("/api/tracks/{code}/waitlist")
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    List<ScheduleStore.WaitlistEntry> waitlist(@PathVariable String code) {
        return caseload.disclose(
                schedules.waitlist(code, caseload.visibility(SCHEDULES)),
                ScheduleStore.WaitlistEntry::clientId,
                SCHEDULES);
    }

    /** Individual sessions and check-ins no clinician slot was found for; a clinician's own clients only. */
    @GetMapping("/api/booking-needs")
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    List<ScheduleStore.BookingNeed> bookingNeeds() {
        return caseload.disclose(
                schedules.openBookingNeeds(caseload.visibility(SCHEDULES)),
                ScheduleStore.BookingNeed::clientId,
                SCHEDULES);
    }
}
