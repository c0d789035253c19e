package org.iopcare.intake.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.CloudEventHeaders;
import org.iopcare.events.StaffAlerted;
import org.iopcare.events.Topics;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItemEscalation;
import org.iopcare.support.work.WorkItemMetrics;
import org.iopcare.support.work.WorkItemProperties;
import org.iopcare.support.work.WorkItemState;
import org.iopcare.support.work.WorkItemView;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** intake's work items: the sources, the state machine, the caseload and the escalation. */
class WorkItemsIT extends IntakeIT {

    static final String URGENT_SCREENING = SCREENING_REQUEST.replace("1,1,1,1,1,1,0]", "1,1,1,1,1,1,2]");

    @Autowired
    WorkItems items;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WorkItemProperties properties;

    @Autowired
    IntakeWorkProperties intakeProperties;

    @Test
    void anUrgentScreeningIsOneItemForThePrimaryClinicianClosedByTheClinician() {
        UUID inquiry = contacted("clin-urgent");
        String clinician = TestTokens.bearerFor("clin-urgent", StaffRole.CLINICIAN);
        for (int i = 0; i < 2; i++) {
            Response screened = http.postJson("/api/inquiries/" + inquiry + "/screenings", clinician, URGENT_SCREENING);
            assertThat(screened.status()).as(screened.text()).isEqualTo(201);
        }
        UUID client = clientOf(inquiry);

        List<WorkItemView> raised = itemsOf(client, "URGENT_SCREENING");
        assertThat(raised).singleElement().satisfies(item -> {
            assertThat(item.priority()).isEqualTo(Priority.URGENT);
            assertThat(item.ownerStaffId()).isEqualTo("clin-urgent");
            assertThat(item.reasonCode()).isEqualTo("SELF_HARM_OR_CRISIS");
        });
        UUID id = raised.get(0).id();
        Response mine = http.get("/api/work-items?owner=me&priority=URGENT", clinician);
        assertThat(mine.text()).contains(id.toString());
        assertThat(http.get("/api/work-items/" + id, TestTokens.bearerFor("clin-stranger", StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(
                                "/api/work-items?clientId=" + client,
                                TestTokens.bearerFor("clin-stranger", StaffRole.CLINICIAN))
                        .text())
                .doesNotContain(id.toString());

        assertThat(http.postJson("/api/work-items/" + id + "/acknowledge", clinician, "")
                        .status())
                .isEqualTo(200);
        Response done = http.postJson(
                "/api/work-items/" + id + "/complete", clinician, "{\"outcome\":\"SAFETY_PLAN_IN_PLACE\"}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("DONE");
        assertThat(done.json().get("history").size()).isEqualTo(3);
        assertThat(http.postJson("/api/work-items/" + id + "/acknowledge", clinician, "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anInquiryNotContactedInTimeIsAnItemForTheIntakeTeamThatContactingCloses() {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Ana","lastName":"Lee","email":"a.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"THERAPIST"}
                """.formatted(UUID.randomUUID()));
        UUID inquiry = UUID.fromString(created.json().get("id").asString());
        UUID client = clientOf(inquiry);
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(4)), ZoneOffset.UTC);
        UncontactedInquiries check = new UncontactedInquiries(items, jdbc, later, intakeProperties);

        check.check();
        check.check();

        List<WorkItemView> raised = itemsOf(client, "INQUIRY_NOT_CONTACTED");
        assertThat(raised).singleElement().satisfies(item -> {
            assertThat(item.priority()).isEqualTo(Priority.HIGH);
            assertThat(item.ownerQueue()).isEqualTo("INTAKE_COORDINATOR");
        });
        assertThat(send("PATCH", "/api/inquiries/" + inquiry, COORDINATOR, "{\"status\":\"CONTACTED\"}")
                        .status())
                .isEqualTo(200);
        WorkItemView closed = items.find(raised.get(0).id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(WorkItemState.DONE);
        assertThat(closed.outcomeCode()).isEqualTo("CONTACTED");
    }

    @Test
    void theSameCauseRaisesOneItemAndOfTwoConcurrentChangesOneWins() throws Exception {
        String key = "test:" + UUID.randomUUID();
        WorkItemView first =
                items.raise(item(UUID.randomUUID(), Priority.NORMAL, Owner.queue(StaffRole.SCHEDULER), key));
        assertThat(items.raise(item(UUID.randomUUID(), Priority.HIGH, Owner.staff("x"), key))
                        .id())
                .isEqualTo(first.id());

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return http.postJson(
                                "/api/work-items/" + first.id() + "/complete", SUPERVISOR, "{\"outcome\":\"BOOKED\"}")
                        .status();
            }));
        }
        start.countDown();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);

        assertThat(items.resolve(key, "GONE")).isFalse();
        String other = "test:" + UUID.randomUUID();
        items.raise(item(UUID.randomUUID(), Priority.NORMAL, Owner.queue(StaffRole.SCHEDULER), other));
        assertThat(items.resolve(other, "SESSION_REBOOKED")).isTrue();
        assertThat(items.bySourceKey(other).orElseThrow().state()).isEqualTo(WorkItemState.DONE);
    }

    @Test
    void anUnacknowledgedUrgentItemEscalatesTwiceWithOneAlertPerStepAndStopsAtAcknowledgement() {
        KafkaConsumer<byte[], byte[]> alerts = TestKafka.reader(Topics.STAFF_ALERTED);
        WorkItemView ignored = items.raise(
                item(UUID.randomUUID(), Priority.URGENT, Owner.staff("clin-away"), "test:" + UUID.randomUUID()));
        WorkItemView seen = items.raise(
                item(UUID.randomUUID(), Priority.URGENT, Owner.staff("clin-here"), "test:" + UUID.randomUUID()));
        Instant now = Instant.now();

        escalationAt(now.plus(Duration.ofMinutes(16))).escalateDue();
        items.acknowledge(items.find(seen.id()).orElseThrow(), "staff-supervisor");
        escalationAt(now.plus(Duration.ofMinutes(32))).escalateDue();
        escalationAt(now.plus(Duration.ofMinutes(48))).escalateDue();

        WorkItemView top = items.find(ignored.id()).orElseThrow();
        assertThat(top.ownerQueue()).isEqualTo("PROGRAM_ADMIN");
        assertThat(top.escalationStep()).isEqualTo(2);
        assertThat(top.nextEscalationAt()).isNull();
        WorkItemView stopped = items.find(seen.id()).orElseThrow();
        assertThat(stopped.ownerQueue()).isEqualTo("CLINICAL_SUPERVISOR");
        assertThat(stopped.escalationStep()).isEqualTo(1);

        List<StaffAlerted> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(alerts)) {
                StaffAlerted alert = TestKafka.read(record, StaffAlerted.class);
                if (alert.workItemId().equals(ignored.id())
                        || alert.workItemId().equals(seen.id())) {
                    assertThat(TestKafka.header(record, CloudEventHeaders.TYPE))
                            .isEqualTo("org.iopcare.intake.staff-alerted.v1");
                    received.add(alert);
                }
            }
            assertThat(received).hasSize(3);
        });
        TestKafka.poll(alerts)
                .forEach(record -> assertThat(
                                TestKafka.read(record, StaffAlerted.class).workItemId())
                        .isNotIn(ignored.id(), seen.id()));
        alerts.close();
        assertThat(received)
                .extracting(StaffAlerted::workItemId, StaffAlerted::escalationStep, StaffAlerted::recipientRole)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ignored.id(), 1, "CLINICAL_SUPERVISOR"),
                        org.assertj.core.groups.Tuple.tuple(seen.id(), 1, "CLINICAL_SUPERVISOR"),
                        org.assertj.core.groups.Tuple.tuple(ignored.id(), 2, "PROGRAM_ADMIN"));

        // the worklist's gauges as Prometheus would scrape them at that time, and the escalation count
        SimpleMeterRegistry gauges = new SimpleMeterRegistry();
        WorkItemMetrics metrics =
                new WorkItemMetrics(jdbc, Clock.fixed(now.plus(Duration.ofMinutes(48)), ZoneOffset.UTC), gauges);
        metrics.refresh();
        assertThat(gauges.get("iopcare.work.overdue")
                        .tag("priority", "URGENT")
                        .gauge()
                        .value())
                .as("the unacknowledged item is overdue, the acknowledged one is not counted")
                .isGreaterThanOrEqualTo(1);
        assertThat(gauges.get("iopcare.work.overdue")
                        .tag("priority", "NORMAL")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(0);
        assertThat(gauges.get("iopcare.work.open")
                        .tag("kind", "TEST")
                        .tag("priority", "URGENT")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(2);
        assertThat(gauges.get("iopcare.work.urgent.oldest.age").gauge().value())
                .isGreaterThanOrEqualTo(Duration.ofMinutes(47).toSeconds());
        assertThat(meters.get("iopcare.work.escalations").counters().stream()
                        .mapToDouble(Counter::count)
                        .sum())
                .isGreaterThanOrEqualTo(3);
    }

    private WorkItemEscalation escalationAt(Instant at) {
        return new WorkItemEscalation(
                jdbc,
                outbox,
                items,
                new TransactionTemplate(transactions),
                Clock.fixed(at, ZoneOffset.UTC),
                properties,
                "intake",
                meters);
    }

    private static NewWorkItem item(UUID client, Priority priority, Owner owner, String key) {
        return new NewWorkItem(client, "TEST", priority, "TEST_REASON", owner, Instant.now(), key);
    }

    private UUID clientOf(UUID inquiry) {
        return jdbc.queryForObject("SELECT client_id FROM inquiry WHERE id = ?", UUID.class, inquiry);
    }

    private List<WorkItemView> itemsOf(UUID client, String kind) {
        return jdbc
                .queryForList("SELECT id FROM work_item WHERE client_id = ? AND kind = ?", UUID.class, client, kind)
                .stream()
                .map(id -> items.find(id).orElseThrow())
                .toList();
    }
}
