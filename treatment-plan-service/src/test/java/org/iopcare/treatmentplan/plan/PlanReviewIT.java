package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.WorkItemState;
import org.iopcare.support.work.WorkItemView;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A plan review resolves the flags it addresses, moves the next review one cadence from today and
 * closes the review's and the resolved flags' work items.
 */
class PlanReviewIT extends TreatmentPlanIT {

    static final String CLINICIAN = TestTokens.bearer(StaffRole.CLINICIAN);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PlanFlags flags;

    @Autowired
    WorkItems items;

    @Autowired
    PlanWorkItems work;

    @Autowired
    PlanWorkProperties workProperties;

    @Autowired
    PlanProperties planProperties;

    @Autowired
    ReviewSchedule schedule;

    @Test
    void aReviewResetsTheDueDateClearsTheFlagsItAddressesAndClosesTheirWorkItems() {
        PlanTestClient plans = new PlanTestClient(http);
        JsonNode plan = plans.enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        UUID planId = UUID.fromString(plan.get("id").asString());
        assertThat(plans.writeVersion(planId, 0, 10).status()).isEqualTo(201);
        assertThat(plans.activate(planId, 1).status()).isEqualTo(200);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            flags.raise(client, FlagReason.MISSED_SESSIONS, false);
            flags.raise(client, FlagReason.ATTENDANCE_BELOW_MINIMUM, false);
        });
        // the review was due four days ago and the check found it overdue
        LocalDate due = schedule.today().minusDays(4);
        jdbc.update("UPDATE treatment_plan SET next_review_due = ? WHERE id = ?", due, planId);
        Clock dayAfter = Clock.fixed(due.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        new ReviewDueItems(items, work, jdbc, dayAfter, workProperties, planProperties).check();
        String overdueKey = PlanWorkItems.reviewOverdueKey(planId, due);
        assertThat(items.bySourceKey(overdueKey))
                .get()
                .extracting(WorkItemView::state)
                .isEqualTo(WorkItemState.OPEN);
        String path = "/api/plans/" + planId + "/reviews";

        Response notOpen = http.postJson(path, CLINICIAN, review("KEEP", "[\"URGENT_SAFETY\"]"));
        assertThat(notOpen.status()).as(notOpen.text()).isEqualTo(422);
        assertThat(plans.plan(client).get("nextReviewDue").asString()).isEqualTo(due.toString());

        Response first = http.postJson(path, CLINICIAN, review("REVISE", "[\"MISSED_SESSIONS\"]"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        LocalDate next = schedule.today().plusDays(30);
        assertThat(first.json().get("previousDue").asString()).isEqualTo(due.toString());
        assertThat(first.json().get("nextDue").asString()).isEqualTo(next.toString());
        JsonNode reviewed = plans.plan(client);
        assertThat(reviewed.get("nextReviewDue").asString()).isEqualTo(next.toString());
        assertThat(reviewed.get("status").asString()).isEqualTo("REVIEW_REQUIRED");
        assertThat(reviewed.get("openFlags").toString()).isEqualTo("[\"ATTENDANCE_BELOW_MINIMUM\"]");
        assertThat(items.bySourceKey(overdueKey)).get().satisfies(item -> {
            assertThat(item.state()).isEqualTo(WorkItemState.DONE);
            assertThat(item.outcomeCode()).isEqualTo("REVIEW_RECORDED");
        });
        assertThat(flagItemState(client, "MISSED_SESSIONS")).isEqualTo("DONE");
        assertThat(flagItemState(client, "ATTENDANCE_BELOW_MINIMUM")).isEqualTo("OPEN");

        // no flags named: every open flag
        Response second = http.postJson(path, CLINICIAN, review("KEEP", "null"));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.json().get("clearedFlags").toString()).isEqualTo("[\"ATTENDANCE_BELOW_MINIMUM\"]");
        JsonNode active = plans.plan(client);
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("openFlags")).isEmpty();
        assertThat(flagItemState(client, "ATTENDANCE_BELOW_MINIMUM")).isEqualTo("DONE");

        Response listed = http.get(path, CLINICIAN);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(2);
        assertThat(listed.json().get(0).get("outcome").asString()).isEqualTo("REVISE");
        assertThat(listed.json().get(0).get("participants").toString()).isEqualTo("[\"clin-ada\",\"client\"]");
        assertThat(listed.json().get(0).get("clearedFlags").toString()).isEqualTo("[\"MISSED_SESSIONS\"]");
        assertThat(listed.json().get(0).get("reviewedBy").asString()).isEqualTo("staff-test");
    }

    static String review(String outcome, String flags) {
        return """
                {"participants": ["clin-ada", "client"], "outcome": "%s", "note": "Reviewed attendance with the client",
                 "addressedFlags": %s}
                """.formatted(outcome, flags);
    }

    private String flagItemState(UUID client, String reason) {
        return jdbc.queryForObject(
                "SELECT state FROM work_item WHERE client_id = ? AND kind = 'PLAN_FLAGGED' AND reason_code = ?",
                String.class,
                client,
                reason);
    }
}
