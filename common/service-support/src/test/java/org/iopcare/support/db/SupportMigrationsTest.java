package org.iopcare.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportMigrationsTest {

    @Test
    void theRuntimeRoleMayOnlyReadAndAppendToTheTrailAndOnlyReadTheHistory() {
        assertThat(SupportMigrations.grants("treatment_plan", "treatment_plan_app", "flyway_schema_history"))
                .containsExactly(
                        "GRANT USAGE ON SCHEMA \"treatment_plan\" TO \"treatment_plan_app\"",
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"treatment_plan\""
                                + " TO \"treatment_plan_app\"",
                        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA \"treatment_plan\" TO \"treatment_plan_app\"",
                        "REVOKE UPDATE, DELETE, TRUNCATE ON \"treatment_plan\".audit_log FROM \"treatment_plan_app\"",
                        "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON \"treatment_plan\".audit_entry,"
                                + " \"treatment_plan\".\"flyway_schema_history\","
                                + " \"treatment_plan\".\"support_schema_history\" FROM \"treatment_plan_app\"");
    }

    @Test
    void namesAreQuotedExactly() {
        assertThat(SupportMigrations.identifier("odd\"name")).isEqualTo("\"odd\"\"name\"");
    }
}
