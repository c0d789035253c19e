package org.iopcare.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.audit.AuditChain;
import org.iopcare.support.audit.AuditChain.Problem;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail's hash chain: intact as the service writes it, and broken exactly where the
 * schema's owner edited or removed a row behind the triggers' back. Each tampering is undone
 * before the test ends, so the chain the other tests see is intact again.
 */
class AuditChainIT extends IntakeIT {

    static final String OFFICER = TestTokens.bearer(StaffRole.PRIVACY_OFFICER);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditChain chain;

    /** A staff read of a new inquiry; answers the id of its ACCESS entry. */
    private long recordedRead() {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Ana","lastName":"Lopez","email":"a.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"SELF"}
                """.formatted(UUID.randomUUID()));
        String id = created.json().get("id").asString();
        assertThat(http.get("/api/inquiries/" + id, TestTokens.bearer(StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(200);
        return jdbc.queryForObject("SELECT id FROM audit_entry WHERE path_ids = ?", Long.class, "id=" + id);
    }

    private static void asOwner(String... statements) throws SQLException {
        try (Connection owner = Infrastructure.ownerConnection("intake");
                Statement s = owner.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void theChainAsTheServiceWritesItVerifies() {
        recordedRead();

        Response verification = http.get("/api/audit/verification", OFFICER);

        assertThat(verification.status()).as(verification.text()).isEqualTo(200);
        JsonNode body = verification.json();
        assertThat(body.get("intact").asBoolean()).isTrue();
        assertThat(body.get("firstBroken").isNull()).isTrue();
        // the chain ends with the verification's own ACCESS entry, written before it ran
        long own = jdbc.queryForObject(
                "SELECT max(chain_seq) FROM audit_log WHERE path_pattern = '/api/audit/verification'", Long.class);
        assertThat(body.get("rows").asLong()).isEqualTo(own);
        assertThat(body.at("/head/chainSeq").asLong()).isEqualTo(own);
        assertThat(body.at("/head/hash").asString()).matches("[0-9a-f]{64}");
        assertThat(jdbc.queryForObject("SELECT max(chain_seq) - count(*) FROM audit_log", Long.class))
                .as("gapless from 1")
                .isZero();
    }

    @Test
    void theCanonicalTextDoesNotDependOnTheSessionsSettings() throws SQLException {
        recordedRead();
        try (Connection runtime = Infrastructure.runtimeConnection("intake");
                Statement s = runtime.createStatement()) {
            s.execute("SET TimeZone = 'Pacific/Chatham'");
            s.execute("SET bytea_output = 'escape'");
            s.execute("SET IntervalStyle = 'sql_standard'");
            s.execute("SET extra_float_digits = -3");
            s.execute("SET lc_monetary = 'C'");
            try (var rows =
                    s.executeQuery("SELECT count(*) FROM audit_log a WHERE a.hash <> audit_log_hash(a.prev_hash, a)")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    void anEditedRowIsReportedAsExactlyThatRow() throws SQLException {
        long edited = recordedRead();
        recordedRead();
        String actor = jdbc.queryForObject("SELECT actor FROM audit_log WHERE id = ?", String.class, edited);
        long chainSeq = jdbc.queryForObject("SELECT chain_seq FROM audit_log WHERE id = ?", Long.class, edited);

        asOwner(
                "ALTER TABLE audit_log DISABLE TRIGGER USER",
                "UPDATE audit_log SET actor = 'someone-else' WHERE id = " + edited,
                "ALTER TABLE audit_log ENABLE TRIGGER USER");
        try {
            AuditChain.Verification verification = chain.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBroken())
                    .isEqualTo(new AuditChain.BrokenLink(edited, chainSeq, Problem.HASH_MISMATCH));

            Response answered = http.get("/api/audit/verification", TestTokens.bearer(StaffRole.PROGRAM_ADMIN));
            assertThat(answered.json().get("intact").asBoolean()).isFalse();
            assertThat(answered.json().at("/firstBroken/id").asLong()).isEqualTo(edited);
            assertThat(answered.json().at("/firstBroken/chainSeq").asLong()).isEqualTo(chainSeq);
            assertThat(answered.json().at("/firstBroken/problem").asString()).isEqualTo("HASH_MISMATCH");
        } finally {
            asOwner(
                    "ALTER TABLE audit_log DISABLE TRIGGER USER",
                    "UPDATE audit_log SET actor = '" + actor + "' WHERE id = " + edited,
                    "ALTER TABLE audit_log ENABLE TRIGGER USER");
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRowWhoseHashWasRecomputedAfterTheEditBreaksItsSuccessorsLink() throws SQLException {
        long edited = recordedRead();
        recordedRead();
        String actor = jdbc.queryForObject("SELECT actor FROM audit_log WHERE id = ?", String.class, edited);
        long successorSeq = jdbc.queryForObject("SELECT chain_seq + 1 FROM audit_log WHERE id = ?", Long.class, edited);
        String recompute = "UPDATE audit_log a SET hash = audit_log_hash(a.prev_hash, a) WHERE id = " + edited;

        asOwner(
                "ALTER TABLE audit_log DISABLE TRIGGER USER",
                "UPDATE audit_log SET actor = 'someone-else' WHERE id = " + edited,
                recompute,
                "ALTER TABLE audit_log ENABLE TRIGGER USER");
        try {
            AuditChain.BrokenLink broken = chain.verify().firstBroken();
            assertThat(broken.chainSeq()).isEqualTo(successorSeq);
            assertThat(broken.problem()).isEqualTo(Problem.PREVIOUS_HASH_MISMATCH);
        } finally {
            asOwner(
                    "ALTER TABLE audit_log DISABLE TRIGGER USER",
                    "UPDATE audit_log SET actor = '" + actor + "' WHERE id = " + edited,
                    recompute,
                    "ALTER TABLE audit_log ENABLE TRIGGER USER");
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRemovedRowIsReportedAsAGap() throws SQLException {
        long access = recordedRead();
        recordedRead();
        // an OUTCOME entry: no other row refers to it
        long removed = jdbc.queryForObject(
                "SELECT id FROM audit_log WHERE record_id = ? AND kind = 'OUTCOME'", Long.class, access);
        long removedSeq = jdbc.queryForObject("SELECT chain_seq FROM audit_log WHERE id = ?", Long.class, removed);
        long successor =
                jdbc.queryForObject("SELECT id FROM audit_log WHERE chain_seq = ?", Long.class, removedSeq + 1);
        String saved = "audit_removed_" + removed;

        asOwner(
                "CREATE TABLE " + saved + " AS SELECT * FROM audit_log WHERE id = " + removed,
                "ALTER TABLE audit_log DISABLE TRIGGER USER",
                "DELETE FROM audit_log WHERE id = " + removed,
                "ALTER TABLE audit_log ENABLE TRIGGER USER");
        try {
            assertThat(chain.verify().firstBroken())
                    .isEqualTo(new AuditChain.BrokenLink(successor, removedSeq + 1, Problem.GAP));
            assertThat(jdbc.queryForObject("SELECT status FROM audit_entry WHERE id = ?", Integer.class, access))
                    .as("the request's outcome is gone with it")
                    .isNull();
        } finally {
            asOwner(
                    "ALTER TABLE audit_log DISABLE TRIGGER USER",
                    "INSERT INTO audit_log SELECT * FROM " + saved,
                    "ALTER TABLE audit_log ENABLE TRIGGER USER",
                    "DROP TABLE " + saved);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void onlyThePrivacyOfficerAndTheProgramAdminVerifyTheTrail() {
        assertThat(http.get("/api/audit/verification", OFFICER).status()).isEqualTo(200);
        assertThat(http.get("/api/audit/verification", TestTokens.bearer(StaffRole.PROGRAM_ADMIN))
                        .status())
                .isEqualTo(200);
        for (StaffRole role : new StaffRole[] {
            StaffRole.CLINICIAN, StaffRole.CLINICAL_SUPERVISOR, StaffRole.SCHEDULER, StaffRole.INTAKE_COORDINATOR
        }) {
            assertProblem(http.get("/api/audit/verification", TestTokens.bearer(role)), 403);
        }
        assertProblem(http.get("/api/audit/verification", null), 401);
    }
}
