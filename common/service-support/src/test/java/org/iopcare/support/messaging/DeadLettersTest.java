package org.iopcare.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeadLetters deadLetters = new DeadLetters(meters);

    @Test
    void countsByTopicGroupAndReasonAndKeepsTheOriginalPartition() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("enrolled", 4, 17L, new byte[0], new byte[0]);

        assertThat(deadLetters.apply(
                        "scheduling-service", record, new RuntimeException(new PoisonRecordException("x"))))
                .isEqualTo(4);
        deadLetters.apply("scheduling-service", record, new IllegalStateException("database down"));
        deadLetters.apply("scheduling-service", record, new IllegalStateException("database down"));

        assertThat(count("poison")).isEqualTo(1.0);
        assertThat(count("retries-exhausted")).isEqualTo(2.0);
    }

    private double count(String reason) {
        return meters.get(DeadLetters.METER)
                .tags("topic", "enrolled", "group", "scheduling-service", "reason", reason)
                .counter()
                .count();
    }
}
