package org.iopcare.scheduling.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.AttendanceBelowMinimum;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.DischargeReason;
import org.iopcare.events.Topics;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.scheduling.schedule.ScheduleEvents;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.Priority;
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

/**
 * scheduling's work items: a booking need, a waitlisted client and a week below the minimum each
 * raise one item for their owner, however often the cause repeats, and close when it goes away.
 * (In the attendance package to drive the below-minimum projection on a fixed time.)
 */
class SchedulingWorkItemsIT extends SchedulingIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkItems items;

    @Autowired
    SchedulingWorkItems work;

    @Autowired
    ScheduleEvents scheduleEvents;

    @Autowired
    BelowMinimumProjection projection;

    @Autowired
    CareTeamProjection careTeams;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aBookingNeedIsOneHighItemForTheSchedulersClosedByBookingOrDischarge() {
        String track = track(12);
        String clinician = "clin-full-" + UUID.randomUUID().toString().substring(0, 8); // no availability
        UUID client = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClientEnrolled enrolled = enrolled(client, track, clinician, now);
        scheduleEvents.onEnrolled(enrolled);
        scheduleEvents.onEnrolled(enrolled);
        // re-planned (same track, later enrollment): the same weeks need booking, nothing more is raised
        ClientEnrolled again = new ClientEnrolled(
                UUID.randomUUID(),
                now.plusSeconds(1),
                client,
                enrolled.enrollmentId(),
                track,
                enrolled.startDate(),
                clinician,
                AgeGroup.ADULT,
                "America/New_York",
                "Sam",
                "+16175550100",
                "sam@example.org",
                true,
                true);
        scheduleEvents.onEnrolled(again);

        List<UUID> needs = jdbc.queryForList("SELECT id FROM booking_need WHERE client_id = ?", UUID.class, client);
        assertThat(needs).isNotEmpty();
        List<WorkItemView> raised = itemsOf(client, SchedulingWorkItems.BOOKING_NEED);
        assertThat(raised).hasSameSizeAs(needs).allSatisfy(item -> {
            assertThat(item.priority()).isEqualTo(Priority.HIGH);
            assertThat(item.ownerQueue()).isEqualTo("SCHEDULER");
            assertThat(item.reasonCode()).startsWith("NO_CLINICIAN_SLOT_");
            assertThat(item.state()).isEqualTo(WorkItemState.OPEN);
            assertThat(item.dueAt()).isAfter(now.plus(Duration.ofHours(23)));
        });
        for (UUID need : needs) {
            assertThat(items.bySourceKey("booking-need:" + need)).isPresent();
        }

        Instant startsAt = now.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        Response booked = http.postJson(
                "/api/clients/" + client + "/sessions",
                TestTokens.bearer(StaffRole.SCHEDULER),
                "{\"kind\":\"INDIVIDUAL_THERAPY\",\"startsAt\":\"%s\",\"minutes\":60}".formatted(startsAt));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        LocalDate week =
                LocalDate.ofInstant(startsAt, NEW_YORK).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        UUID filled = jdbc.queryForObject(
                "SELECT id FROM booking_need WHERE client_id = ? AND kind = 'INDIVIDUAL_THERAPY' AND week_start = ?",
                UUID.class,
                client,
                week);
        WorkItemView done = items.bySourceKey("booking-need:" + filled).orElseThrow();
        assertThat(done.state()).isEqualTo(WorkItemState.DONE);
        assertThat(done.outcomeCode()).isEqualTo("BOOKED");

        scheduleEvents.onDischarged(new ClientDischarged(
                UUID.randomUUID(),
                Instant.now(),
                client,
                enrolled.enrollmentId(),
                LocalDate.now(NEW_YORK),
                DischargeReason.COMPLETED));
        assertThat(itemsOf(client, SchedulingWorkItems.BOOKING_NEED))
                .filteredOn(item -> !item.id().equals(done.id()))
                .isNotEmpty()
                .allSatisfy(item -> {
                    assertThat(item.state()).isEqualTo(WorkItemState.DONE);
                    assertThat(item.outcomeCode()).isEqualTo("CLIENT_DISCHARGED");
                });
    }

    @Test
    void aWaitlistedClientIsOneNormalItemForTheSchedulersClosedBySeatOrDischarge() {
        String track = track(1);
        String clinician = "clin-wl-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID seated = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        ClientEnrolled first = enrolled(seated, track, clinician, now);
        ClientEnrolled second = enrolled(waiting, track, clinician, now);
        ClientEnrolled third = enrolled(leaving, track, clinician, now);
        scheduleEvents.onEnrolled(first);
        // the same enrolled event twice (a redelivery), as the consumer hands it over
        scheduleEvents.onEnrolled(second);
        scheduleEvents.onEnrolled(second);
        scheduleEvents.onEnrolled(third);

        assertThat(itemsOf(seated, SchedulingWorkItems.WAITLISTED)).isEmpty();
        WorkItemView item = itemsOf(waiting, SchedulingWorkItems.WAITLISTED).get(0);
        assertThat(itemsOf(waiting, SchedulingWorkItems.WAITLISTED)).hasSize(1);
        assertThat(item.priority()).isEqualTo(Priority.NORMAL);
        assertThat(item.ownerQueue()).isEqualTo("SCHEDULER");
        assertThat(item.reasonCode()).isEqualTo("TRACK_FULL");
        assertThat(item.dueAt())
                .isBetween(now.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
        assertThat(itemsOf(leaving, SchedulingWorkItems.WAITLISTED)).hasSize(1);

        scheduleEvents.onDischarged(discharged(seated, first));
        WorkItemView seatedNow = items.find(item.id()).orElseThrow();
        assertThat(seatedNow.state()).isEqualTo(WorkItemState.DONE);
        assertThat(seatedNow.outcomeCode()).isEqualTo("SEATED");
        WorkItemView stillWaiting =
                itemsOf(leaving, SchedulingWorkItems.WAITLISTED).get(0);
        assertThat(stillWaiting.state()).isEqualTo(WorkItemState.OPEN);

        scheduleEvents.onDischarged(discharged(leaving, third));
        WorkItemView left = items.find(stillWaiting.id()).orElseThrow();
        assertThat(left.state()).isEqualTo(WorkItemState.DONE);
        assertThat(left.outcomeCode()).isEqualTo("CLIENT_DISCHARGED");
    }

    @Test
    void aWeekBelowTheMinimumIsOneHighItemForThePrimaryClinicianClosedByMinimumOrWeekEnd() {
        LocalDate monday = LocalDate.now(NEW_YORK)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        Instant sessionStart =
                monday.atTime(LocalTime.of(9, 0)).atZone(NEW_YORK).toInstant();
        Instant tuesdayNoon =
                monday.plusDays(1).atTime(LocalTime.NOON).atZone(NEW_YORK).toInstant();

        UUID treated = client();
        careTeams.replace(new CareTeamChanged(
                UUID.randomUUID(), Instant.now(), treated, "clin-primary", List.of("clin-primary")));
        session(treated, sessionStart, 180, "ABSENT", 0);
        UUID untreated = client();
        session(untreated, sessionStart, 180, "ABSENT", 0);
        inTransaction(() -> {
            projection.evaluate(treated, sessionStart, NEW_YORK, tuesdayNoon);
            projection.evaluate(treated, sessionStart, NEW_YORK, tuesdayNoon.plusSeconds(60));
            projection.evaluate(untreated, sessionStart, NEW_YORK, tuesdayNoon);
        });

        List<WorkItemView> raised = itemsOf(treated, SchedulingWorkItems.BELOW_WEEKLY_MINIMUM);
        assertThat(raised).singleElement().satisfies(item -> {
            assertThat(item.priority()).isEqualTo(Priority.HIGH);
            assertThat(item.ownerStaffId()).isEqualTo("clin-primary");
            assertThat(item.reasonCode()).isEqualTo("MAKE_UP_POSSIBLE");
        });
        WorkItemView unassigned =
                itemsOf(untreated, SchedulingWorkItems.BELOW_WEEKLY_MINIMUM).get(0);
        assertThat(unassigned.ownerQueue()).isEqualTo("CLINICIAN");

        // a make-up on Wednesday reaches the week's 540 minutes
        Instant makeUp =
                monday.plusDays(2).atTime(LocalTime.of(8, 0)).atZone(NEW_YORK).toInstant();
        session(treated, makeUp, 540, "PRESENT", 540);
        inTransaction(() -> projection.evaluate(treated, makeUp, NEW_YORK, makeUp.plus(Duration.ofHours(10))));
        WorkItemView reached = items.find(raised.get(0).id()).orElseThrow();
        assertThat(reached.state()).isEqualTo(WorkItemState.DONE);
        assertThat(reached.outcomeCode()).isEqualTo("MINIMUM_REACHED");

        // the untreated client's week ended (it was last week): the poll closes it
        assertThat(work.closeEndedWeeks()).isPositive();
        WorkItemView ended = items.find(unassigned.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(WorkItemState.DONE);
        assertThat(ended.outcomeCode()).isEqualTo("WEEK_ENDED");
    }

    @Test
    void aWeekOwesTheMinimumOnlyForTheDaysItCouldBeAttended() {
        // a week long past (no other test's closure on it), on a Monday-Wednesday-Friday track
        LocalDate monday = LocalDate.of(2025, 6, 2);
        String track = meetingMondayWednesdayFriday();
        Instant mondayMorning = at(monday, 9);
        Instant wednesdayMorning = at(monday.plusDays(2), 9);
        Instant fridayMorning = at(monday.plusDays(4), 9);
        Instant tuesdayNoon = at(monday.plusDays(1), 12);
        Instant wednesdayEvening = at(monday.plusDays(2), 19);

        // mid-week, Monday missed: 0 attended + 360 still scheduled < 540, published on Tuesday
        UUID missedMonday = placed(track, "ACTIVE", monday.minusWeeks(4));
        session(missedMonday, mondayMorning, 180, "ABSENT", 0);
        session(missedMonday, wednesdayMorning, 180, null, 0);
        session(missedMonday, fridayMorning, 180, null, 0);
        // started on Wednesday: owes two of three meeting days, 360 minutes, and is on track for them
        UUID startedWednesday = placed(track, "ACTIVE", monday.plusDays(2));
        session(startedWednesday, wednesdayMorning, 180, "PRESENT", 180);
        session(startedWednesday, fridayMorning, 180, null, 0);
        // the clinic closed another such track on Monday: the same two days are owed
        String closedTrack = meetingMondayWednesdayFriday();
        UUID closedMonday = placed(closedTrack, "ACTIVE", monday.minusWeeks(4));
        jdbc.update(
                "INSERT INTO closure (id, track_code, first_day, last_day, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, 'staff-test', now())",
                UUID.randomUUID(),
                closedTrack,
                java.sql.Date.valueOf(monday),
                java.sql.Date.valueOf(monday));
        session(closedMonday, wednesdayMorning, 180, "PRESENT", 180);
        session(closedMonday, fridayMorning, 180, null, 0);
        // waiting for a seat, or discharged: no minimum is owed, whatever they missed
        UUID waitlisted = placed(track, "WAITLISTED", monday.minusWeeks(4));
        session(waitlisted, mondayMorning, 60, "ABSENT", 0);
        UUID discharged = placed(track, "ENDED", monday.minusWeeks(4));
        session(discharged, mondayMorning, 60, "ABSENT", 0);

        inTransaction(() -> {
            projection.evaluate(missedMonday, mondayMorning, NEW_YORK, tuesdayNoon);
            projection.evaluate(startedWednesday, wednesdayMorning, NEW_YORK, wednesdayEvening);
            projection.evaluate(closedMonday, wednesdayMorning, NEW_YORK, wednesdayEvening);
            projection.evaluate(waitlisted, mondayMorning, NEW_YORK, tuesdayNoon);
            projection.evaluate(discharged, mondayMorning, NEW_YORK, tuesdayNoon);
        });

        try (KafkaConsumer<byte[], byte[]> published = TestKafka.reader(Topics.ATTENDANCE_BELOW_MINIMUM)) {
            List<AttendanceBelowMinimum> events = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(published)) {
                    if (new String(record.key(), StandardCharsets.UTF_8).equals(missedMonday.toString())) {
                        events.add(TestKafka.read(record, AttendanceBelowMinimum.class));
                    }
                }
                assertThat(events).singleElement().satisfies(event -> {
                    assertThat(event.weekStart()).isEqualTo(monday);
                    assertThat(event.requiredMinutes()).isEqualTo(540);
                });
            });
        }
        for (UUID notShort : List.of(startedWednesday, closedMonday, waitlisted, discharged)) {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM below_minimum_notice WHERE client_id = ?", Integer.class, notShort))
                    .as("weeks noted below the minimum")
                    .isZero();
            assertThat(itemsOf(notShort, SchedulingWorkItems.BELOW_WEEKLY_MINIMUM))
                    .isEmpty();
        }
    }

    @Test
    void aCancellationOrACorrectionThatLeavesTheWeekShortIsPublishedMidWeek() {
        String track = meetingMondayWednesdayFriday();
        String scheduler = TestTokens.bearer(StaffRole.SCHEDULER);
        Instant now = Instant.now();
        LocalDate monday = LocalDate.ofInstant(now, NEW_YORK).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // on course for the week's 540 minutes until staff cancel its one long session
        UUID cancelling = placed(track, "ACTIVE", monday.minusWeeks(4));
        UUID upcoming = session(cancelling, now.plus(Duration.ofMinutes(2)), 600, null, 0);
        // attended the whole week's minimum until staff correct it to absent
        UUID correcting = placed(track, "ACTIVE", monday.minusWeeks(4));
        UUID attended = session(correcting, now.minus(Duration.ofMinutes(1)), 540, null, 0);
        Response present =
                http.postJson("/api/sessions/" + attended + "/attendance", scheduler, "{\"attendance\": \"PRESENT\"}");
        assertThat(present.status()).as(present.text()).isEqualTo(200);
        assertThat(notices(correcting)).isZero();

        Response cancelled = http.postJson("/api/sessions/" + upcoming + "/cancel", scheduler, "{}");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        Response absent =
                http.postJson("/api/sessions/" + attended + "/attendance", scheduler, "{\"attendance\": \"ABSENT\"}");
        assertThat(absent.status()).as(absent.text()).isEqualTo(200);

        try (KafkaConsumer<byte[], byte[]> published = TestKafka.reader(Topics.ATTENDANCE_BELOW_MINIMUM)) {
            List<AttendanceBelowMinimum> events = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(published)) {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    if (key.equals(cancelling.toString()) || key.equals(correcting.toString())) {
                        events.add(TestKafka.read(record, AttendanceBelowMinimum.class));
                    }
                }
                assertThat(events)
                        .extracting(AttendanceBelowMinimum::clientId)
                        .containsExactlyInAnyOrder(cancelling, correcting);
            });
            assertThat(events).allSatisfy(event -> {
                assertThat(event.weekStart()).isEqualTo(monday);
                assertThat(event.attendedMinutes()).isZero();
                assertThat(event.requiredMinutes()).isEqualTo(540);
            });
        }
    }

    int notices(UUID client) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM below_minimum_notice WHERE client_id = ?", Integer.class, client);
    }

    // --- fixtures

    List<WorkItemView> itemsOf(UUID client, String kind) {
        return jdbc
                .queryForList(
                        "SELECT id FROM work_item WHERE client_id = ? AND kind = ? ORDER BY created_at",
                        UUID.class,
                        client,
                        kind)
                .stream()
                .map(id -> items.find(id).orElseThrow())
                .toList();
    }

    void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    /** A track of its own, meeting on Monday evenings (few group sessions to plan), with {@code capacity} seats. */
    String track(int capacity) {
        String code = "WI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.update("""
                INSERT INTO program_track (code, name, time_zone, meeting_days, local_start, local_end, capacity,
                                           age_group, modality, updated_at)
                VALUES (?, 'IT track', 'America/New_York',
                        'MONDAY', '21:00', '23:30', ?, 'ADULT',
                        'VIRTUAL', now())
                """, code, capacity);
        jdbc.update(
                "INSERT INTO track_component (track_code, position, component, minutes) VALUES (?, 1, 'GROUP_THERAPY', 150)",
                code);
        return code;
    }

    static ClientEnrolled enrolled(UUID client, String track, String clinician, Instant occurredAt) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                occurredAt,
                client,
                UUID.randomUUID(),
                track,
                LocalDate.now(NEW_YORK),
                clinician,
                AgeGroup.ADULT,
                "America/New_York",
                "Sam",
                "+16175550100",
                "sam@example.org",
                true,
                true);
    }

    static ClientDischarged discharged(UUID client, ClientEnrolled enrolled) {
        return new ClientDischarged(
                UUID.randomUUID(),
                Instant.now(),
                client,
                enrolled.enrollmentId(),
                LocalDate.now(NEW_YORK),
                DischargeReason.COMPLETED);
    }

    /** An adult on the morning track, with no care team. */
    UUID client() {
        UUID client = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO client_schedule (client_id, track_code, status, start_date, clinician_id, age_group, updated_at)
                VALUES (?, 'MH-IOP-AM', 'ACTIVE', current_date - 30, 'clin-none', 'ADULT', now())
                """, client);
        return client;
    }

    /** A track of its own meeting on Monday, Wednesday and Friday mornings in New York. */
    String meetingMondayWednesdayFriday() {
        String code = "WM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.update("""
                INSERT INTO program_track (code, name, time_zone, meeting_days, local_start, local_end, capacity,
                                           age_group, modality, updated_at)
                VALUES (?, 'IT track', 'America/New_York', 'MONDAY,WEDNESDAY,FRIDAY', '09:00', '12:00', 12, 'ADULT',
                        'IN_PERSON', now())
                """, code);
        return code;
    }

    /** An adult on {@code track} in the given place (ACTIVE, WAITLISTED or ENDED) since {@code startDate}. */
    UUID placed(String track, String status, LocalDate startDate) {
        UUID client = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO client_schedule (client_id, track_code, status, start_date, clinician_id, age_group, updated_at)
                VALUES (?, ?, ?, ?, 'clin-none', 'ADULT', now())
                """, client, track, status, java.sql.Date.valueOf(startDate));
        return client;
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(NEW_YORK).toInstant();
    }

    UUID session(UUID client, Instant startsAt, int minutes, String attendance, int attended) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO client_session (id, client_id, kind, clinician_id, starts_at, ends_at, time_zone, modality,
                                            status, attendance, minutes_attended, created_at)
                VALUES (?, ?, 'CLINICIAN_CHECK_IN', 'clin-none', ?, ?, 'America/New_York', 'IN_PERSON', 'SCHEDULED',
                        ?, ?, now())
                """,
                id,
                client,
                Timestamp.from(startsAt),
                Timestamp.from(startsAt.plus(Duration.ofMinutes(minutes))),
                attendance,
                attended);
        return id;
    }
}
