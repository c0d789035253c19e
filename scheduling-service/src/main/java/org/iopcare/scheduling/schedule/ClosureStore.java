package org.iopcare.scheduling.schedule;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Closures as staff list and withdraw them; the schedule asks {@link ScheduleStore#closed} per day. */
@Repository
class ClosureStore {

    private static final String SELECT =
            "SELECT id, track_code, first_day, last_day, created_by, created_at FROM closure";

    /**
     * A closure.
     *
     * @param id the closure
     * @param trackCode the closed track; null for the whole program
     * @param firstDay first closed local day
     * @param lastDay last closed local day
     * @param createdBy the staff member who closed
     * @param createdAt when
     */
    record Closure(
            UUID id, String trackCode, LocalDate firstDay, LocalDate lastDay, String createdBy, Instant createdAt) {}

    private final JdbcClient jdbc;

    ClosureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closures not over by {@code from}, earliest first; at most 500. */
    List<Closure> notOverBy(LocalDate from) {
        return jdbc.sql(SELECT + " WHERE last_day >= ? ORDER BY first_day, created_at LIMIT 500")
                .param(Date.valueOf(from))
                .query(ClosureStore::closure)
                .list();
    }

    Optional<Closure> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ClosureStore::closure)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM closure WHERE id = ?").param(id).update();
    }

    private static Closure closure(ResultSet rs, int row) throws SQLException {
        return new Closure(
                rs.getObject("id", UUID.class),
                rs.getString("track_code"),
                rs.getDate("first_day").toLocalDate(),
                rs.getDate("last_day").toLocalDate(),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
