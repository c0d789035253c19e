package org.iopcare.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims an event id for a consumer in the caller's transaction: the claim and the effect commit or
 * roll back together, so a redelivered event finds its claim and has no second effect.
 */
public class ProcessedEvents {

    static final String REDELIVERIES = "iopcare.consumer.redeliveries";

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public ProcessedEvents(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** True the first time this consumer sees the event; false on every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String consumer, UUID eventId) {
        boolean first = jdbc.update(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        consumer,
                        eventId)
                == 1;
        if (!first) {
            Counter.builder(REDELIVERIES)
                    .description("Events a consumer received again and ignored")
                    .tag("consumer", consumer)
                    .register(meters)
                    .increment();
        }
        return first;
    }
}
