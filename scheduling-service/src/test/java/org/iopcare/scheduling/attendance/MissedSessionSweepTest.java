package org.iopcare.scheduling.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.SessionMissed;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.work.NoWorkItems;
import org.iopcare.support.outbox.Outbox;
import org.junit.jupiter.api.Test;

/** The sweep against an in-memory store and outbox, with a fixed clock. */
class MissedSessionSweepTest {

    static final Instant NOW = Instant.parse("2026-03-18T17:00:00Z");
    static final UUID CLIENT = UUID.randomUUID();

    final Map<UUID, AttendanceStore.Row> rows = new LinkedHashMap<>();
    final List<IntegrationEvent> published = new ArrayList<>();

    final AttendanceStore store = new AttendanceStore(null) {
        @Override
        List<Row> lockDue(Instant endedBefore, int limit) {
            return rows.values().stream()
                    .filter(r -> r.attendance() == null && r.endsAt().isBefore(endedBefore))
                    .sorted(Comparator.comparing(Row::endsAt))
                    .limit(limit)
                    .toList();
        }

        @Override
        void record(UUID id, Attendance attendance, Integer late, int minutes, boolean missed, String by, Instant now) {
            Row r = rows.get(id);
            rows.put(
                    id,
                    new Row(
                            id,
                            r.clientId(),
                            r.startsAt(),
                            r.endsAt(),
                            r.timeZone(),
                            attendance,
                            late,
                            minutes,
                            missed));
        }

        @Override
        List<MissCounter.Past> history(UUID clientId, Instant until) {
            return rows.values().stream()
                    .filter(r -> r.attendance() != null && !r.startsAt().isAfter(until))
                    .sorted(Comparator.comparing(Row::startsAt).reversed())
                    .map(r -> new MissCounter.Past(r.startsAt(), r.attendance()))
                    .toList();
        }
    };

    final AttendanceViews views = new AttendanceViews(null) {
        @Override
        Optional<String> ageGroup(UUID clientId) {
            return Optional.of("ADULT");
        }

        @Override
        Optional<Placement> placement(UUID clientId) {
            return Optional.of(new Placement(
                    "ACTIVE",
                    LocalDate.of(2026, 1, 5),
                    "MH-IOP-AM",
                    EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                    "ADULT"));
        }

        @Override
        Set<LocalDate> closedDays(String trackCode, LocalDate from, LocalDate to) {
            return Set.of();
        }

        @Override
        List<Week> weeks(UUID clientId, LocalDate from, LocalDate to, Instant now) {
            // every week already at the minimum: this test is about misses, not the projection
            return List.of(new Week(from, 540, 540, 0));
        }
    };

    final Outbox outbox = new Outbox(null, null, null) {
        @Override
        public void append(IntegrationEvent event) {
            published.add(event);
        }
    };

    final MissedSessionSweep sweep = new MissedSessionSweep(
            store,
            new MissPublisher(store, outbox),
            new BelowMinimumProjection(views, store, SchedulingProperties.defaults(), outbox, new NoWorkItems()),
            SchedulingProperties.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    UUID session(Duration endedAgo, Attendance attendance) {
        UUID id = UUID.randomUUID();
        Instant end = NOW.minus(endedAgo);
        rows.put(
                id,
                new AttendanceStore.Row(
                        id,
                        CLIENT,
                        end.minus(Duration.ofHours(3)),
                        end,
                        "America/New_York",
                        attendance,
                        null,
                        null,
                        false));
        return id;
    }

    @Test
    void marksSessionsPastTheGracePeriodOnceAndCountsTheRun() {
        UUID older = session(Duration.ofDays(2), null);
        session(Duration.ofDays(1), Attendance.EXCUSED);
        UUID recent = session(Duration.ofMinutes(16), null);
        UUID withinGrace = session(Duration.ofMinutes(14), null);

        assertThat(sweep.sweepBatch()).isEqualTo(2);
        assertThat(sweep.sweepBatch()).isZero();

        assertThat(published).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(SessionMissed.class));
        SessionMissed first = (SessionMissed) published.get(0);
        SessionMissed second = (SessionMissed) published.get(1);
        assertThat(first.sessionId()).isEqualTo(older);
        assertThat(first.consecutiveMisses()).isEqualTo(1);
        assertThat(second.sessionId()).isEqualTo(recent);
        assertThat(second.consecutiveMisses()).isEqualTo(2); // the excused absence does not break the run
        assertThat(second.missesInLast14Days()).isEqualTo(2);
        assertThat(second.occurredAt()).isEqualTo(NOW);
        assertThat(rows.get(recent).attendance()).isEqualTo(Attendance.NO_SHOW);
        assertThat(rows.get(recent).missedPublished()).isTrue();
        assertThat(rows.get(withinGrace).attendance()).isNull();
    }

    @Test
    void attendanceRecordedBeforeTheSweepLeavesNothingToMark() {
        session(Duration.ofHours(1), Attendance.PRESENT);
        session(Duration.ofHours(2), Attendance.EXCUSED);

        assertThat(sweep.sweepBatch()).isZero();
        assertThat(published).isEmpty();
    }
}
