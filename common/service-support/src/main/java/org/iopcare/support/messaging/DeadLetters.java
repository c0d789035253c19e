package org.iopcare.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Counts records the binder sends to a dead-letter topic. The binder asks this function for the
 * dead-letter partition exactly once per dead-lettered record, which makes it the one place that
 * sees every dead letter; it keeps the binder's default (the record's own partition).
 * Tags: the topic and consumer group (both from configuration) and whether the record was poison
 * or exhausted its retries — never anything from the record.
 */
public class DeadLetters implements DlqPartitionFunction {

    static final String METER = "iopcare.consumer.dead.letters";

    private final MeterRegistry meters;

    public DeadLetters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        Counter.builder(METER)
                .description("Records sent to a dead-letter topic")
                .tag("topic", record.topic())
                .tag("group", group == null ? "none" : group)
                .tag("reason", poison(failure) ? "poison" : "retries-exhausted")
                .register(meters)
                .increment();
        return record.partition();
    }

    private static boolean poison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonRecordException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
