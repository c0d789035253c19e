package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.AttendanceBelowMinimum;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.DischargeReason;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItemState;
import org.iopcare.support.work.WorkItemView;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * treatment-plan's work items: a flagged plan, a review falling due and overdue, a worsening
 * score. Each cause gives one item for the primary clinician ({@code clin-ada}), closed by the
 * review or cancelled by the discharge.
 */
class PlanWorkItemsIT extends TreatmentPlanIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String CLINICIAN = TestTokens.bearer(StaffRole.CLINICIAN);

    @Autowired
    WorkItems items;

    @Autowired
    PlanWorkItems work;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PlanWorkProperties workProperties;

    @Autowired
    PlanProperties planProperties;

    @Test
    void eachFlagReasonIsOneHighItemForThePrimaryClinicianThatTheReviewCloses() {
        PlanTestClient plans = new PlanTestClient(http);
        JsonNode plan = plans.enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        UUID planId = UUID.fromString(plan.get("id").asString());
        AttendanceBelowMinimum low = low(client);

        // the same event twice, and the same cause again under another event id
        TestKafka.publish(low);
        TestKafka.publish(low);
        TestKafka.publish(low(client));

        List<WorkItemView> flagged =
                await().atMost(PATIENCE).until(() -> itemsOf(client, PlanWorkItems.PLAN_FLAGGED), l -> !l.isEmpty());
        assertThat(flagged).singleElement().satisfies(item -> {
            assertThat(item.priority()).isEqualTo(Priority.HIGH);
            assertThat(item.reasonCode()).isEqualTo("ATTENDANCE_BELOW_MINIMUM");
            assertThat(item.ownerStaffId()).isEqualTo("clin-ada");
            assertThat(item.state()).isEqualTo(WorkItemState.OPEN);
        });
        assertThat(http.get("/api/work-items?owner=me", TestTokens.bearerFor("clin-ada", StaffRole.CLINICIAN))
                        .text())
                .contains(flagged.get(0).id().toString());

        assertThat(plans.writeVersion(planId, 0, 10).status()).isEqualTo(201);
        Response activated = plans.activate(planId, 1);
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);

        assertThat(itemsOf(client, PlanWorkItems.PLAN_FLAGGED)).singleElement().satisfies(item -> {
            assertThat(item.state()).isEqualTo(WorkItemState.DONE);
            assertThat(item.outcomeCode()).isEqualTo("PLAN_REVIEWED");
        });
    }

    @Test
    void aReviewFallingDueIsANormalItemThenAHighOneWhenOverdueAndTheReviewClosesIt() {
        PlanTestClient plans = new PlanTestClient(http);
        JsonNode plan = plans.enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        UUID planId = UUID.fromString(plan.get("id").asString());
        assertThat(plans.writeVersion(planId, 0, 10).status()).isEqualTo(201);
        assertThat(plans.activate(planId, 1).status()).isEqualTo(200);
        LocalDate due = LocalDate.parse(plans.plan(client).get("nextReviewDue").asString());

        // two days before the due date (within the default 3), twice: one NORMAL item
        ReviewDueItems soon = check(due.minusDays(2));
        soon.check();
        soon.check();
        assertThat(itemsOf(client, PlanWorkItems.REVIEW_DUE)).singleElement().satisfies(item -> {
            assertThat(item.priority()).isEqualTo(Priority.NORMAL);
            assertThat(item.reasonCode()).isEqualTo("REVIEW_DUE_SOON");
            assertThat(item.ownerStaffId()).isEqualTo("clin-ada");
            assertThat(item.dueAt())
                    .isEqualTo(due.plusDays(1)
                            .atStartOfDay(planProperties.timeZone())
                            .toInstant());
        });

        // the day after the due date, twice: one HIGH item, the NORMAL one handed over
        ReviewDueItems late = check(due.plusDays(1));
        late.check();
        late.check();
        assertThat(itemsOf(client, PlanWorkItems.REVIEW_OVERDUE))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.priority()).isEqualTo(Priority.HIGH);
                    assertThat(item.reasonCode()).isEqualTo("REVIEW_OVERDUE");
                    assertThat(item.ownerStaffId()).isEqualTo("clin-ada");
                    assertThat(item.state()).isEqualTo(WorkItemState.OPEN);
                });
        assertThat(itemsOf(client, PlanWorkItems.REVIEW_DUE)).singleElement().satisfies(item -> {
            assertThat(item.state()).isEqualTo(WorkItemState.DONE);
            assertThat(item.outcomeCode()).isEqualTo("REVIEW_OVERDUE");
        });

        // the review: a new version activated
        assertThat(plans.writeVersion(planId, 1, 9).status()).isEqualTo(201);
        assertThat(plans.activate(planId, 2).status()).isEqualTo(200);
        assertThat(itemsOf(client, PlanWorkItems.REVIEW_OVERDUE))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.state()).isEqualTo(WorkItemState.DONE);
                    assertThat(item.outcomeCode()).isEqualTo("REVIEW_RECORDED");
                });
        late.check();
        assertThat(itemsOf(client, PlanWorkItems.REVIEW_OVERDUE)).hasSize(1);
    }

    @Test
    void aWorseningScoreIsOneHighItemPerAssessmentAndTheDischargeCancelsTheClientsItems() {
        PlanTestClient plans = new PlanTestClient(http);
        JsonNode plan = plans.enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        String path = "/api/clients/" + client + "/assessments";

        assertThat(post(path, "PHQ9", "[1,1,1,1,1,0,0,0,0]")).isEqualTo(5);
        assertThat(post(path, "GAD7", "[1,1,1,0,0,0,0]")).isEqualTo(3);
        // +4: below the threshold
        assertThat(post(path, "GAD7", "[1,1,1,1,1,1,1]")).isEqualTo(7);
        assertThat(itemsOf(client, PlanWorkItems.SCORE_WORSENED)).isEmpty();
        // +5 each, against the previous of the same instrument
        Response phq = http.postJson(path, CLINICIAN, "{\"instrument\": \"PHQ9\", \"answers\": [2,2,2,2,2,0,0,0,0]}");
        assertThat(phq.json().get("total").asInt()).isEqualTo(10);
        assertThat(post(path, "GAD7", "[2,2,2,2,2,1,1]")).isEqualTo(12);

        List<WorkItemView> worse = itemsOf(client, PlanWorkItems.SCORE_WORSENED);
        assertThat(worse).hasSize(2).allSatisfy(item -> {
            assertThat(item.priority()).isEqualTo(Priority.HIGH);
            assertThat(item.ownerStaffId()).isEqualTo("clin-ada");
        });
        assertThat(worse)
                .extracting(WorkItemView::reasonCode)
                .containsExactlyInAnyOrder("PHQ9_WORSENED", "GAD7_WORSENED");
        // the same assessment again raises nothing more
        UUID phqId = UUID.fromString(phq.json().get("id").asString());
        new TransactionTemplate(transactions).executeWithoutResult(tx -> work.worsened(client, phqId, Instrument.PHQ9));
        assertThat(items.bySourceKey(PlanWorkItems.worseningKey(phqId))).isPresent();
        assertThat(itemsOf(client, PlanWorkItems.SCORE_WORSENED)).hasSize(2);
        // the PHQ-9 up 5 from its baseline also flagged the plan
        assertThat(itemsOf(client, PlanWorkItems.PLAN_FLAGGED))
                .extracting(WorkItemView::reasonCode)
                .containsExactly("SCORE_WORSENED");

        ClientDischarged discharged = new ClientDischarged(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                UUID.fromString(plan.get("enrollmentId").asString()),
                clinicToday(),
                DischargeReason.COMPLETED);
        TestKafka.publish(discharged);
        TestKafka.publish(discharged);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(itemsOf(client, null))
                        .hasSize(3)
                        .allSatisfy(item -> {
                            assertThat(item.state()).isEqualTo(WorkItemState.CANCELLED);
                            assertThat(item.outcomeCode()).isEqualTo("CLIENT_DISCHARGED");
                        }));
    }

    @Test
    void aClientWithoutACareTeamIsTheClinicianQueues() {
        assertThat(work.owner(UUID.randomUUID())).isEqualTo(Owner.queue(StaffRole.CLINICIAN));
    }

    private int post(String path, String instrument, String answers) {
        Response response = http.postJson(
                path, CLINICIAN, "{\"instrument\": \"" + instrument + "\", \"answers\": " + answers + "}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("total").asInt();
    }

    /** The review check on a fixed clock at noon (UTC) of this day. */
    private ReviewDueItems check(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new ReviewDueItems(items, work, jdbc, clock, workProperties, planProperties);
    }

    private static AttendanceBelowMinimum low(UUID client) {
        return new AttendanceBelowMinimum(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                LocalDate.now(),
                120,
                540,
                360);
    }

    private List<WorkItemView> itemsOf(UUID client, String kind) {
        return jdbc
                .queryForList(
                        "SELECT source_key FROM work_item WHERE client_id = ? AND (?::varchar IS NULL OR kind = ?::varchar)"
                                + " ORDER BY created_at",
                        String.class,
                        client,
                        kind,
                        kind)
                .stream()
                .map(key -> items.bySourceKey(key).orElseThrow())
                .toList();
    }
}
