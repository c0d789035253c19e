package org.iopcare.support.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.iopcare.events.EventType;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.support.db.TransactionLocks;
import org.iopcare.support.observability.AppendedEvents;
import org.iopcare.support.observability.TraceParents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the caller's transaction. Nothing reaches Kafka here: the relay publishes
 * the row after the transaction committed, so a rolled-back change never leaks an event and a
 * committed one is never lost.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final OutboxSignal signal;
    private final AppendedEvents appended;
    private final TraceParents traceParents;

    /** Without metrics or tracing (tests that build an outbox by hand). */
    public Outbox(JdbcTemplate jdbc, JsonMapper json, OutboxSignal signal) {
        this(jdbc, json, signal, new AppendedEvents(new SimpleMeterRegistry()), TraceParents.none());
    }

    public Outbox(
            JdbcTemplate jdbc,
            JsonMapper json,
            OutboxSignal signal,
            AppendedEvents appended,
            TraceParents traceParents) {
        this.jdbc = jdbc;
        this.json = json;
        this.signal = signal;
        this.appended = appended;
        this.traceParents = traceParents;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(IntegrationEvent event) {
        EventType type = EventType.of(event);
        String key = event.clientId().toString();
        // Writers for one client queue here until the holder commits, so seq order is commit order
        // for that client and the relay can publish by seq without reordering a client's events.
        TransactionLocks.lock(jdbc, "outbox:" + key);
        jdbc.update(
                """
                INSERT INTO outbox_event
                    (event_id, topic, event_key, ce_type, ce_source, occurred_at, payload, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                event.eventId(),
                type.topic(),
                key,
                type.ceType(),
                type.source(),
                java.sql.Timestamp.from(event.occurredAt()),
                json.writeValueAsString(event),
                // the relay publishes on its own thread; this lets the record join the request's trace
                traceParents.current());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                appended.committed(type);
                // ids and type only; the line carries the request's trace id (see EventConsumers)
                log.info("Committed {} {}", type.ceType(), event.eventId());
                signal.wake();
            }
        });
    }
}
