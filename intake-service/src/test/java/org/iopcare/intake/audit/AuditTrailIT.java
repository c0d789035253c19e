package org.iopcare.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** No read of a client's data without its audit record, whatever the request or token holds. */
class AuditTrailIT extends IntakeIT {

    @Autowired
    JdbcTemplate jdbc;

    private UUID inquiry() {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Sam","lastName":"Rivera","email":"s.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"SELF"}
                """.formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private Map<String, Object> record(UUID id) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("SELECT * FROM audit_entry WHERE path_ids = ? ORDER BY id", "id=" + id);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void aReadWithARequestIdLongerThanItsColumnIsAuditedWithTheIdsHash() {
        UUID id = inquiry();
        String requestId = "r".repeat(100);

        Response read = send(
                "GET", "/api/inquiries/" + id, TestTokens.bearer(StaffRole.CLINICIAN), null, "X-Request-Id", requestId);

        assertThat(read.status()).isEqualTo(200);
        Map<String, Object> record = record(id);
        assertThat(record.get("status")).isEqualTo(200);
        assertThat((String) record.get("request_id")).startsWith("#").hasSizeLessThanOrEqualTo(64);

        UUID plain = inquiry();
        send("GET", "/api/inquiries/" + plain, TestTokens.bearer(StaffRole.CLINICIAN), null, "X-Request-Id", "req-42");
        assertThat(record(plain).get("request_id")).isEqualTo("req-42");
    }

    @Test
    void aStaffTokenWithThirtyOneRolesIsAuditedWithAllOfThem() {
        UUID id = inquiry();
        List<String> roles = new ArrayList<>(List.of("CLINICIAN"));
        for (int i = 1; i < 31; i++) {
            roles.add("PROGRAM_GROUP_NUMBER_" + i);
        }

        Response read = http.get("/api/inquiries/" + id, TestTokens.bearerWithRoleNames("staff-many-roles", roles));

        assertThat(read.status()).isEqualTo(200);
        Map<String, Object> record = record(id);
        assertThat(record.get("actor")).isEqualTo("staff-many-roles");
        assertThat(((String) record.get("roles")).split(",")).hasSize(31).contains("ROLE_CLINICIAN");
        assertThat(record.get("status")).isEqualTo(200);
    }

    @Test
    void aReadWhoseAuditRecordCannotBeWrittenIsNotServed() throws SQLException {
        UUID id = inquiry();
        String constraint = "audit_refuses_" + id.toString().replace("-", "");
        // The database refuses exactly this read's record, as it would when the trail is unavailable;
        // only the schema's owner may change the table.
        try (Connection owner = Infrastructure.ownerConnection("intake");
                Statement ddl = owner.createStatement()) {
            ddl.execute("ALTER TABLE audit_log ADD CONSTRAINT " + constraint + " CHECK (path_ids <> 'id=" + id
                    + "') NOT VALID");
            try {
                Response read = http.get("/api/inquiries/" + id, TestTokens.bearer(StaffRole.CLINICIAN));

                assertProblem(read, 503);
                assertThat(read.text())
                        .doesNotContain("Rivera")
                        .doesNotContain("Sam")
                        .doesNotContain(id.toString());
            } finally {
                ddl.execute("ALTER TABLE audit_log DROP CONSTRAINT " + constraint);
            }
        }
        assertThat(http.get("/api/inquiries/" + id, TestTokens.bearer(StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(200);
        assertThat(record(id).get("status")).isEqualTo(200);
    }
}
