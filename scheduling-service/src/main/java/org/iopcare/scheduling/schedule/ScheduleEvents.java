package org.iopcare.scheduling.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientTransferred;
import org.iopcare.scheduling.enrollment.ClientEnrollments;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases behind the {@code enrolled}, {@code client-transferred}, {@code discharged} and
 * {@code care-team-changed} topics.
 */
@Service
public class ScheduleEvents {

    static final String DISCHARGED = "scheduling-service:discharged";
    static final String TRANSFERRED = "scheduling-service:client-transferred";

    private static final Logger log = LoggerFactory.getLogger(ScheduleEvents.class);

    private final ClientEnrollments enrollments;
    private final ScheduleBuilder builder;
    private final SessionOutbox published;
    private final Waitlist waitlist;
    private final TrackTransfer transfers;
    private final ClinicianReassignment reassignment;
    private final ScheduleStore schedules;
    private final Tracks tracks;
    private final ProcessedEvents processed;
    private final Clock clock;
    private final SchedulingWorkItems work;
    private final CareTeamProjection careTeams;
    private final Caseload caseload;

    ScheduleEvents(
            ClientEnrollments enrollments,
            ScheduleBuilder builder,
            SessionOutbox published,
            Waitlist waitlist,
            TrackTransfer transfers,
            ClinicianReassignment reassignment,
            ScheduleStore schedules,
            Tracks tracks,
            ProcessedEvents processed,
            Clock clock,
            SchedulingWorkItems work,
            CareTeamProjection careTeams,
            Caseload caseload) {
        this.careTeams = careTeams;
        this.caseload = caseload;
        this.enrollments = enrollments;
        this.builder = builder;
        this.published = published;
        this.waitlist = waitlist;
        this.transfers = transfers;
        this.reassignment = reassignment;
        this.schedules = schedules;
        this.tracks = tracks;
        this.processed = processed;
        this.clock = clock;
        this.work = work;
    }

    /** Records the enrollment and (re-)plans the schedule in the same transaction as the claim. */
    @Transactional
    public void onEnrolled(ClientEnrolled event) {
        if (enrollments.record(event)) {
            builder.plan(enrollments.get(event.clientId()));
        }
    }

    /**
     * Cancels every session from the effective date on. A discharge effective today or earlier (in
     * the track's zone) also ends the schedule at once: the seat is given up and the waitlist
     * promoted. One dated ahead keeps the client's sessions until then (still reminded; the horizon
     * extension builds up to the day before) and ends the schedule on that day
     * ({@link #endDueDischarges}). A discharge of an enrollment that was since replaced changes
     * nothing.
     */
    @Transactional
    public void onDischarged(ClientDischarged event) {
        if (event.eventId() == null || event.clientId() == null || event.effectiveDate() == null) {
            throw new IllegalArgumentException("Discharged event lacks an id, client or effective date");
        }
        if (!processed.claim(DISCHARGED, event.eventId())) {
            return;
        }
        var schedule = liveSchedule("Discharged", event.eventId(), event.clientId(), event.enrollmentId());
        if (schedule.isEmpty()) {
            return;
        }
        ClientSchedule current = schedule.get();
        Instant now = clock.instant();
        var zone = tracks.get(current.trackCode()).zone();
        published.cancelUpcoming(
                current.clientId(),
                event.effectiveDate().atStartOfDay(zone).toInstant(),
                CancellationReason.DISCHARGE,
                now);
        if (event.effectiveDate().isAfter(LocalDate.ofInstant(now, zone))) {
            schedules.endOn(current.clientId(), event.effectiveDate());
            return;
        }
        end(current, now);
    }

    /**
     * Ends the schedules whose discharge day has come (in their track's zone), in batches that
     * instances share ({@code SKIP LOCKED}): a session planned from that day on is cancelled, the
     * seat given up and the waitlist promoted.
     *
     * @return how many schedules ended
     */
    @Transactional
    public int endDueDischarges(Instant now, int batch) {
        List<ClientSchedule> due = schedules.lockEndingBy(now, batch);
        for (ClientSchedule current : due) {
            LocalDate day = schedules.endsOn(current.clientId()).orElseThrow();
            published.cancelUpcoming(
                    current.clientId(),
                    day.atStartOfDay(tracks.get(current.trackCode()).zone()).toInstant(),
                    CancellationReason.DISCHARGE,
                    now);
            end(current, now);
        }
        return due.size();
    }

    private void end(ClientSchedule current, Instant now) {
        schedules.save(
                new ClientSchedule(
                        current.clientId(),
                        current.trackCode(),
                        ClientSchedule.Status.ENDED,
                        current.startDate(),
                        current.clinicianId(),
                        current.ageGroup(),
                        current.scheduledThrough()),
                now);
        work.bookingNeedsResolved(
                schedules.resolveBookingNeeds(current.clientId(), now), SchedulingWorkItems.CLIENT_DISCHARGED);
        work.discharged(current.clientId());
        if (current.status() == ClientSchedule.Status.ACTIVE) {
            waitlist.promote(current.trackCode(), now);
        }
    }

    /**
     * Moves the client's group sessions to the new track from the effective date on, once per
     * event. A transfer of an enrollment since replaced, of a discharged client, onto the track the
     * client is already on, or onto a track scheduling does not know changes nothing.
     */
    @Transactional
    public void onTransferred(ClientTransferred event) {
        if (event.eventId() == null
                || event.clientId() == null
                || event.trackCode() == null
                || event.effectiveDate() == null) {
            throw new IllegalArgumentException("Client-transferred event lacks an id, client, track or date");
        }
        if (!processed.claim(TRANSFERRED, event.eventId())) {
            return;
        }
        var schedule = liveSchedule("Client-transferred", event.eventId(), event.clientId(), event.enrollmentId());
        if (schedule.isEmpty()) {
            return;
        }
        if (schedule.get().trackCode().equals(event.trackCode())) {
            log.info("Client-transferred event {} names the client's current track; ignored", event.eventId());
            return;
        }
        if (tracks.find(event.trackCode()).isEmpty()) {
            log.warn("Client-transferred event {} names a track scheduling does not know; ignored", event.eventId());
            return;
        }
        enrollments.transferred(event.clientId(), event.trackCode());
        transfers.transfer(schedule.get(), event.trackCode(), event.effectiveDate(), clock.instant());
    }

    /**
     * Replaces the client's care team in the caseload projection, once per event, and when the
     * primary clinician is no longer the one the schedule books with, gives the client's upcoming
     * individual sessions and check-ins to the new one. The primary clinician is read from the
     * projection, not the event, so a late redelivery of an older team moves nothing back.
     */
    @Transactional
    public void onCareTeamChanged(CareTeamChanged event) {
        careTeams.apply(event);
        List<String> team = caseload.team(event.clientId());
        if (team.isEmpty()) {
            return;
        }
        var schedule = schedules.lock(event.clientId());
        if (schedule.isEmpty()
                || schedule.get().status() == ClientSchedule.Status.ENDED
                || schedule.get().clinicianId().equals(team.get(0))) {
            return;
        }
        enrollments.reassigned(event.clientId(), team.get(0));
        reassignment.reassign(schedule.get(), team.get(0), clock.instant());
    }

    /**
     * The client's schedule, locked, unless there is none, it has ended, or the event names an
     * enrollment since replaced (each logged, by ids only).
     */
    private Optional<ClientSchedule> liveSchedule(String what, UUID eventId, UUID clientId, UUID enrollmentId) {
        var schedule = schedules.lock(clientId);
        if (schedule.isEmpty() || schedule.get().status() == ClientSchedule.Status.ENDED) {
            log.info("{} event {} for a client without a schedule; ignored", what, eventId);
            return Optional.empty();
        }
        if (enrollmentId != null
                && !enrollmentId.equals(enrollments.get(clientId).enrollmentId())) {
            log.info("{} event {} is about an earlier enrollment; ignored", what, eventId);
            return Optional.empty();
        }
        return schedule;
    }
}
