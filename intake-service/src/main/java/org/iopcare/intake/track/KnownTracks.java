package org.iopcare.intake.track;

import java.sql.Timestamp;
import java.util.Optional;
import org.iopcare.events.TrackChanged;
import org.iopcare.events.TrackStatus;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.support.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program tracks a client may be enrolled on, as scheduling publishes them on {@code
 * track-changed}: one row per track code holding its latest state.
 */
@Service
public class KnownTracks {

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final String consumer;

    KnownTracks(
            JdbcTemplate jdbc, ProcessedEvents processed, @Value("${spring.application.name}") String applicationName) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.consumer = applicationName + ":track-changed";
    }

    /** Keeps the event's state of the track, once per event; an older state never replaces a newer one. */
    @Transactional
    public void apply(TrackChanged event) {
        if (!processed.claim(consumer, event.eventId())) {
            return;
        }
        jdbc.update("""
                INSERT INTO known_track (code, name, status, changed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
                                                 changed_at = EXCLUDED.changed_at
                WHERE known_track.changed_at <= EXCLUDED.changed_at
                """, event.trackCode(), event.name(), event.status().name(), Timestamp.from(event.occurredAt()));
    }

    /** The track's status, if scheduling has published the track. */
    @Transactional(readOnly = true)
    public Optional<TrackStatus> status(String code) {
        return jdbc.query("SELECT status FROM known_track WHERE code = ?", (rs, row) -> rs.getString(1), code).stream()
                .findFirst()
                .map(TrackStatus::valueOf);
    }

    /**
     * Refuses (422) a track code scheduling has not published ({@code unknown-track}) or has retired
     * ({@code track-retired}).
     */
    public void requireOpen(String code) {
        TrackStatus status = status(code)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "unknown-track", "trackCode names no program track scheduling has published"));
        if (status == TrackStatus.RETIRED) {
            throw ProblemException.unprocessable("track-retired", "The program track is retired: no new enrollment");
        }
    }
}
