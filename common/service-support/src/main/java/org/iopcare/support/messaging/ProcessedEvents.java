package org.iopcare.support.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims an event id for a consumer in the caller's transaction: the claim and the effect commit or
 * roll back together, so a redelivered event finds its claim and has no second effect.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer sees the event; false on every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String consumer, UUID eventId) {
        return jdbc.update(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        consumer,
                        eventId)
                == 1;
    }
}
