package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionKind;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.TrackReplaced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Re-plans a track's upcoming group sessions and their rosters when staff change the track. */
@Component
class TrackReplanning {

    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final ScheduleExtension extension;
    private final SessionOutbox published;

    TrackReplanning(
            ScheduleStore schedules, SessionStore sessions, ScheduleExtension extension, SessionOutbox published) {
        this.schedules = schedules;
        this.sessions = sessions;
        this.extension = extension;
        this.published = published;
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
    void replan(TrackReplaced replaced) {
        ProgramTrack track = replaced.track();
        Instant now = replaced.at();
        for (GroupSession group : sessions.lockUpcomingGroupSessions(track.code(), now)) {
            Optional<ProgramTrack.Meeting> meeting =
                    track.meetingOn(group.date()).filter(m -> m.startsAt().isAfter(now));
            if (meeting.isEmpty()) {
                sessions.cancelGroupSession(group.id());
                sessions.lockRoster(group.id())
                        .forEach(seat -> published.cancel(seat, CancellationReason.TRACK_CHANGE, now));
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
                    published.rescheduled(seat, moved, now);
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(now, track.zone());
        for (ClientSchedule seated : schedules.lockSeated(track.code())) {
            if (seated.scheduledThrough() == null) {
                continue;
            }
            LocalDate from = ScheduleExtension.latest(seated.startDate(), today);
            extension.joinGroups(seated, track, from, seated.scheduledThrough(), now, BookingReason.TRACK_REPLANNED);
        }
    }
}
