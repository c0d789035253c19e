package org.iopcare.scheduling.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.BookingReason;
import org.iopcare.events.SessionKind;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdraws a closure before its first day and books again, as new sessions, what it cancelled:
 * a group seat while the client still sits in that track and the meeting has a free seat, an
 * individual session or check-in while the clinician and the client are still free then.
 */
@Service
class ClosureWithdrawal {

    /**
     * A closure withdrawn.
     *
     * @param rebookedSessions sessions the closure had cancelled that were booked again
     * @param notRebooked sessions it had cancelled that could not be (seat taken, clinician or client
     *     busy, another closure, client discharged or moved)
     */
    record Withdrawn(int rebookedSessions, int notRebooked) {}

    private final ClosureStore closures;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final SessionOutbox published;
    private final Tracks tracks;
    private final ZoneId clinicZone;
    private final Clock clock;

    ClosureWithdrawal(
            ClosureStore closures,
            ScheduleStore schedules,
            SessionStore sessions,
            SessionOutbox published,
            Tracks tracks,
            SchedulingProperties settings,
            Clock clock) {
        this.closures = closures;
        this.schedules = schedules;
        this.sessions = sessions;
        this.published = published;
        this.tracks = tracks;
        this.clinicZone = settings.clinicZone();
        this.clock = clock;
    }

    @Transactional
    Withdrawn withdraw(UUID id) {
        ClosureStore.Closure closure = closures.lock(id).orElseThrow(() -> ProblemException.notFound("Closure"));
        ZoneId zone = Optional.ofNullable(closure.trackCode())
                .flatMap(tracks::find)
                .map(ProgramTrack::zone)
                .orElse(clinicZone);
        Instant now = clock.instant();
        if (!closure.firstDay().isAfter(LocalDate.ofInstant(now, zone))) {
            throw ProblemException.unprocessable(
                    "closure-started", "A closure can be withdrawn only before its first day");
        }
        closures.delete(id);
        sessions.reopenGroupSessions(closure.trackCode(), closure.firstDay(), closure.lastDay());
        int rebooked = 0;
        int not = 0;
        for (ClientSession cancelled : sessions.lockCancelledBy(id, now)) {
            if (rebook(cancelled, now)) {
                rebooked++;
            } else {
                not++;
            }
        }
        return new Withdrawn(rebooked, not);
    }

    private boolean rebook(ClientSession cancelled, Instant now) {
        Optional<ClientSchedule> schedule =
                schedules.find(cancelled.clientId()).filter(s -> s.status() != ClientSchedule.Status.ENDED);
        if (schedule.isEmpty()) {
            return false;
        }
        if (cancelled.kind() == SessionKind.GROUP) {
            Optional<GroupSession> group = sessions.lockGroupSession(cancelled.groupSessionId());
            if (group.isEmpty()
                    || !ClientSession.SCHEDULED.equals(group.get().status())
                    || schedule.get().status() != ClientSchedule.Status.ACTIVE
                    || !schedule.get().trackCode().equals(group.get().trackCode())
                    || sessions.rosterSize(group.get().id()) >= group.get().capacity()) {
                return false;
            }
        } else {
            if (schedules.closedForAll(LocalDate.ofInstant(cancelled.startsAt(), cancelled.zone()))) {
                return false;
            }
            sessions.lockClinician(cancelled.clinicianId());
            if (sessions
                    .busy(cancelled.clinicianId(), cancelled.clientId(), cancelled.startsAt(), cancelled.endsAt())
                    .stream()
                    .anyMatch(cancelled.interval()::overlaps)) {
                return false;
            }
        }
        ClientSession again = new ClientSession(
                UUID.randomUUID(),
                cancelled.clientId(),
                cancelled.kind(),
                cancelled.groupSessionId(),
                cancelled.clinicianId(),
                cancelled.planWeek(),
                cancelled.startsAt(),
                cancelled.endsAt(),
                cancelled.zone(),
                cancelled.modality(),
                ClientSession.SCHEDULED,
                null);
        if (!sessions.insert(again, now)) {
            return false;
        }
        published.scheduled(again, now, BookingReason.CLOSURE_WITHDRAWN);
        return true;
    }
}
