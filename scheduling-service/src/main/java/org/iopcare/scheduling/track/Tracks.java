package org.iopcare.scheduling.track;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iopcare.events.SessionModality;
import org.iopcare.events.TrackChanged;
import org.iopcare.events.TrackStatus;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program tracks: creation, change and retirement with the IOP rules, and look-ups for scheduling.
 * Every creation, change and retirement publishes the track's state on {@code track-changed} in its
 * transaction, so intake learns which tracks a client may be enrolled on.
 */
@Service
public class Tracks {

    private final TrackStore store;
    private final SchedulingProperties settings;
    private final Clock clock;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    public Tracks(
            TrackStore store,
            SchedulingProperties settings,
            Clock clock,
            Outbox outbox,
            ApplicationEventPublisher events) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.outbox = outbox;
        this.events = events;
    }

    @Transactional
    public ProgramTrack create(TrackRequest request) {
        if (request.code() == null) {
            throw ProblemException.unprocessable("track-code-missing", "A new track needs a code");
        }
        ProgramTrack track = validated(request.code(), request);
        if (store.find(track.code()).isPresent()) {
            throw ProblemException.conflict("track-exists", "A track with this code already exists");
        }
        Instant now = Instant.now(clock);
        store.insert(track, now);
        announce(track, TrackStatus.ACTIVE, now);
        return track;
    }

    /**
     * Replaces a track; its upcoming meetings move to the new days and times with their rosters
     * (see {@link TrackReplaced}). Refused when the new capacity is below the seats taken.
     */
    @Transactional
    public ProgramTrack replace(String code, TrackRequest request) {
        store.lock(code).orElseThrow(() -> ProblemException.notFound("Track"));
        if (status(code) == TrackStatus.RETIRED) {
            throw ProblemException.conflict("track-retired", "A retired track cannot be changed");
        }
        ProgramTrack track = validated(code, request);
        int seated = store.seatedOn(code);
        if (track.capacity() < seated) {
            throw ProblemException.conflict(
                    "capacity-below-seated", "More clients hold a seat in the track than the new capacity");
        }
        Instant now = Instant.now(clock);
        store.update(track, now);
        announce(track, TrackStatus.ACTIVE, now);
        // the schedule moves the track's upcoming meetings and their rosters, in this transaction
        events.publishEvent(new TrackReplaced(track, now));
        return track;
    }

    /**
     * Retires a track: no new enrollment on it, its code stays taken. Refused while a client holds a
     * seat in it or waits for one; retiring a retired track changes and publishes nothing.
     */
    @Transactional
    public ProgramTrack retire(String code) {
        ProgramTrack track = store.lock(code).orElseThrow(() -> ProblemException.notFound("Track"));
        if (status(code) == TrackStatus.RETIRED) {
            return track;
        }
        if (store.clientsOn(code) > 0) {
            throw ProblemException.conflict(
                    "track-has-clients",
                    "Clients hold a seat in the track or wait for one; move or discharge them first");
        }
        Instant now = Instant.now(clock);
        store.retire(code, now);
        announce(track, TrackStatus.RETIRED, now);
        return track;
    }

    /**
     * Publishes the state of every track never announced (the tracks that existed before {@code
     * track-changed} did); instances starting together share them ({@code SKIP LOCKED}).
     */
    @Transactional
    public int announceUnannounced() {
        List<String> codes = store.lockUnannounced();
        Instant now = Instant.now(clock);
        for (String code : codes) {
            announce(store.find(code).orElseThrow(), status(code), now);
        }
        return codes.size();
    }

    @Transactional(readOnly = true)
    public TrackStatus status(String code) {
        return store.status(code).orElseThrow(() -> ProblemException.notFound("Track"));
    }

    @Transactional(readOnly = true)
    public Map<String, TrackStatus> statuses() {
        return store.statuses();
    }

    private void announce(ProgramTrack track, TrackStatus status, Instant now) {
        outbox.append(TrackChanged.of(now, track.code(), track.name(), status));
        store.announced(track.code(), now);
    }

    @Transactional(readOnly = true)
    public List<ProgramTrack> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public ProgramTrack get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("Track"));
    }

    public Optional<ProgramTrack> find(String code) {
        return store.find(code);
    }

    /** Locks the track row for the caller's transaction (seat counting). */
    public ProgramTrack lock(String code) {
        return store.lock(code).orElseThrow(() -> new IllegalStateException("Unknown track " + code));
    }

    ProgramTrack validated(String code, TrackRequest request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.unprocessable("unknown-time-zone", "timeZone is not an IANA time zone");
        }
        if (!request.localEnd().isAfter(request.localStart())) {
            throw ProblemException.unprocessable(
                    "meeting-ends-before-start", "localEnd must be after localStart on the same day");
        }
        ProgramTrack track = new ProgramTrack(
                code,
                request.name().strip(),
                zone,
                EnumSet.copyOf(request.meetingDays()),
                request.localStart(),
                request.localEnd(),
                request.capacity(),
                request.ageGroup(),
                request.modality() == null ? SessionModality.IN_PERSON : request.modality(),
                request.components().stream()
                        .map(c -> new ProgramTrack.Component(c.kind(), c.minutes()))
                        .toList());
        int componentMinutes = track.components().stream()
                .mapToInt(ProgramTrack.Component::minutes)
                .sum();
        if (componentMinutes > track.meetingMinutes()) {
            throw ProblemException.unprocessable(
                    "components-exceed-meeting", "The components together last longer than a meeting");
        }
        int minimum = settings.minimumMinutes(track.ageGroup());
        if (track.weeklyMinutes() < minimum) {
            throw ProblemException.unprocessable(
                    "below-iop-minimum",
                    "A track for " + track.ageGroup() + " must meet at least " + minimum / 60.0
                            + " hours a week; this one meets " + track.weeklyMinutes() / 60.0);
        }
        return track;
    }
}
