package org.iopcare.treatmentplan.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Plan versions: appended, never changed (a trigger refuses UPDATE and DELETE). */
@Repository
class PlanVersionStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    PlanVersionStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(PlanVersion version) {
        jdbc.update(
                """
                INSERT INTO plan_version (plan_id, number, based_on, author, created_at, reason, content)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                """,
                version.planId(),
                version.number(),
                version.basedOn(),
                version.author(),
                Timestamp.from(version.createdAt()),
                version.reason(),
                json.writeValueAsString(version.content()));
    }

    List<PlanVersion> all(UUID planId) {
        return jdbc.query(
                "SELECT plan_id, number, based_on, author, created_at, reason, content::text AS content"
                        + " FROM plan_version WHERE plan_id = ? ORDER BY number",
                this::map,
                planId);
    }

    Optional<PlanVersion> find(UUID planId, int number) {
        return jdbc
                .query(
                        "SELECT plan_id, number, based_on, author, created_at, reason, content::text AS content"
                                + " FROM plan_version WHERE plan_id = ? AND number = ?",
                        this::map,
                        planId,
                        number)
                .stream()
                .findFirst();
    }

    private PlanVersion map(ResultSet rs, int row) throws SQLException {
        return new PlanVersion(
                rs.getObject("plan_id", UUID.class),
                rs.getInt("number"),
                rs.getInt("based_on"),
                rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("reason"),
                json.readValue(rs.getString("content"), PlanContent.class));
    }
}
