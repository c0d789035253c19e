package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proofs' arithmetic, on hand-made ledgers and topic logs. */
class DeliveryCheckTest {

    private static final String TOPIC = IntakeLedger.STATUS_CHANGED;
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final IntakeLedger.Committed first = committed("k1", "a", 0);
    private final IntakeLedger.Committed second = committed("k1", "b", 1);
    private final IntakeLedger.Committed third = committed("k1", "c", 2);
    private final IntakeLedger.Committed other = committed("k2", "d", 1);

    @Test
    void everythingOnceInOrderIsClean() {
        DeliveryCheck check = DeliveryCheck.of(
                List.of(first, second, third, other),
                List.of(
                        record(0, "k1", "e1", "a"),
                        record(1, "k1", "e2", "b"),
                        record(2, "k1", "e3", "c"),
                        record(0, "k2", "e4", "d", 1)));

        assertThat(check.committed()).isEqualTo(4);
        assertThat(check.delivered()).isEqualTo(4);
        assertThat(check.lost()).isZero();
        assertThat(check.duplicates()).isZero();
        assertThat(check.outOfOrderPairs()).isZero();
        assertThat(check.keys()).isEqualTo(2);
        assertThat(check.splitKeys()).isZero();
    }

    @Test
    void aRepublishedBatchIsDuplicatesNotDisorder() {
        // The relay sent a and b, was killed before deleting them, and sent them again with c.
        DeliveryCheck check = DeliveryCheck.of(
                List.of(first, second, third),
                List.of(
                        record(0, "k1", "e1", "a"),
                        record(1, "k1", "e2", "b"),
                        record(2, "k1", "e1", "a"),
                        record(3, "k1", "e2", "b"),
                        record(4, "k1", "e3", "c")));

        assertThat(check.records()).isEqualTo(5);
        assertThat(check.duplicates()).isEqualTo(2);
        assertThat(check.outOfOrderPairs()).isZero();
        assertThat(check.lost()).isZero();
    }

    @Test
    void countsLostPhantomReissuedAndOutOfOrder() {
        DeliveryCheck check = DeliveryCheck.of(
                List.of(first, second, third),
                List.of(
                        record(0, "k1", "e3", "c"),
                        record(1, "k1", "e1", "a"),
                        record(2, "k1", "e9", "a"),
                        record(3, "k1", "e7", "never-committed")));

        assertThat(check.lost()).isEqualTo(1);
        assertThat(check.lostSample()).containsExactly(TOPIC + " b");
        // c before a; the second copy of a under e9 is also after c
        assertThat(check.outOfOrderPairs()).isEqualTo(2);
        assertThat(check.reissued()).isEqualTo(1);
        assertThat(check.phantoms()).isEqualTo(1);
    }

    @Test
    void aKeyOnTwoPartitionsIsReported() {
        DeliveryCheck check = DeliveryCheck.of(
                List.of(first, second), List.of(record(0, "k1", "e1", "a", 0), record(0, "k1", "e2", "b", 1)));

        assertThat(check.splitKeys()).isEqualTo(1);
    }

    private static IntakeLedger.Committed committed(String key, String identity, int second) {
        return new IntakeLedger.Committed(TOPIC, key, identity, T0.plusSeconds(second));
    }

    private static TopicLog.Delivered record(long offset, String key, String eventId, String identity) {
        return record(offset, key, eventId, identity, 0);
    }

    private static TopicLog.Delivered record(long offset, String key, String eventId, String identity, int partition) {
        return new TopicLog.Delivered(TOPIC, partition, offset, key, eventId, identity, 0);
    }
}
