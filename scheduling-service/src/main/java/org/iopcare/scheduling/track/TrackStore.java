package org.iopcare.scheduling.track;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.SessionModality;
import org.iopcare.events.TrackStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tracks and their components in {@code program_track} and {@code track_component}. */
@Repository
public class TrackStore {

    private static final String SELECT =
            "SELECT code, name, time_zone, meeting_days, local_start, local_end, capacity, age_group, modality"
                    + " FROM program_track";

    private final JdbcClient jdbc;

    TrackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProgramTrack> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?")
                .param(code)
                .query(this::track)
                .optional();
    }

    /** Locks the track row: seat counting and waitlist promotion for a track queue behind it. */
    Optional<ProgramTrack> lock(String code) {
        return jdbc.sql(SELECT + " WHERE code = ? FOR UPDATE")
                .param(code)
                .query(this::track)
                .optional();
    }

    List<ProgramTrack> all() {
        return jdbc.sql(SELECT + " ORDER BY code").query(this::track).list();
    }

    void insert(ProgramTrack track, Instant now) {
        jdbc.sql("""
                        INSERT INTO program_track (code, name, time_zone, meeting_days, local_start, local_end,
                                                   capacity, age_group, modality, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(values(track, now)).update();
        insertComponents(track);
    }

    void update(ProgramTrack track, Instant now) {
        List<Object> values = new ArrayList<>(values(track, now).subList(1, 10));
        values.add(track.code());
        jdbc.sql("""
                        UPDATE program_track SET name = ?, time_zone = ?, meeting_days = ?, local_start = ?,
                               local_end = ?, capacity = ?, age_group = ?, modality = ?, updated_at = ?
                        WHERE code = ?
                        """).params(values).update();
        jdbc.sql("DELETE FROM track_component WHERE track_code = ?")
                .param(track.code())
                .update();
        insertComponents(track);
    }

    private void insertComponents(ProgramTrack track) {
        int position = 1;
        for (ProgramTrack.Component component : track.components()) {
            jdbc.sql("INSERT INTO track_component (track_code, position, component, minutes) VALUES (?, ?, ?, ?)")
                    .params(track.code(), position++, component.kind().name(), component.minutes())
                    .update();
        }
    }

    private static List<Object> values(ProgramTrack track, Instant now) {
        return List.of(
                track.code(),
                track.name(),
                track.zone().getId(),
                track.meetingDays().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                track.localStart(),
                track.localEnd(),
                track.capacity(),
                track.ageGroup().name(),
                track.modality().name(),
                Timestamp.from(now));
    }

    /** The track's status, if the track exists. */
    Optional<TrackStatus> status(String code) {
        return jdbc.sql("SELECT status FROM program_track WHERE code = ?")
                .param(code)
                .query((rs, row) -> TrackStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /** Every track's status by code. */
    Map<String, TrackStatus> statuses() {
        Map<String, TrackStatus> statuses = new HashMap<>();
        jdbc.sql("SELECT code, status FROM program_track").query(rs -> {
            statuses.put(rs.getString(1), TrackStatus.valueOf(rs.getString(2)));
        });
        return statuses;
    }

    void retire(String code, Instant now) {
        jdbc.sql("UPDATE program_track SET status = 'RETIRED', updated_at = ? WHERE code = ?")
                .params(Timestamp.from(now), code)
                .update();
    }

    /** Clients holding a seat in the track or waiting for one. */
    int clientsOn(String code) {
        return jdbc.sql(
                        "SELECT count(*) FROM client_schedule WHERE track_code = ? AND status IN ('ACTIVE', 'WAITLISTED')")
                .param(code)
                .query(Integer.class)
                .single();
    }

    /** Clients holding a seat in the track. */
    int seatedOn(String code) {
        return jdbc.sql("SELECT count(*) FROM client_schedule WHERE track_code = ? AND status = 'ACTIVE'")
                .param(code)
                .query(Integer.class)
                .single();
    }

    /** Records that the track's current state was published. */
    void announced(String code, Instant now) {
        jdbc.sql("UPDATE program_track SET announced_at = ? WHERE code = ?")
                .params(Timestamp.from(now), code)
                .update();
    }

    /** Tracks whose state was never published, locked; another instance announcing skips them. */
    List<String> lockUnannounced() {
        return jdbc.sql(
                        "SELECT code FROM program_track WHERE announced_at IS NULL ORDER BY code FOR UPDATE SKIP LOCKED")
                .query(String.class)
                .list();
    }

    private ProgramTrack track(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("code");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(rs.getString("meeting_days").split(","))
                .map(DayOfWeek::valueOf)
                .forEach(days::add);
        List<ProgramTrack.Component> components = jdbc.sql(
                        "SELECT component, minutes FROM track_component WHERE track_code = ? ORDER BY position")
                .param(code)
                .query((c, i) -> new ProgramTrack.Component(ComponentKind.valueOf(c.getString(1)), c.getInt(2)))
                .list();
        return new ProgramTrack(
                code,
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                days,
                rs.getTime("local_start").toLocalTime(),
                rs.getTime("local_end").toLocalTime(),
                rs.getInt("capacity"),
                AgeGroup.valueOf(rs.getString("age_group")),
                SessionModality.valueOf(rs.getString("modality")),
                components);
    }
}
