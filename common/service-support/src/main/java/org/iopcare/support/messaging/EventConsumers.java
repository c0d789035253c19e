package org.iopcare.support.messaging;

import java.util.function.Consumer;
import org.iopcare.events.EventType;
import org.iopcare.events.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Builds the functional consumer for one topic: decode (refusing poison), then hand the event to
 * its idempotent, transactional handler. Services bind the returned bean as {@code <name>-in-0}.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final EventDecoder decoder;

    public EventConsumers(EventDecoder decoder) {
        this.decoder = decoder;
    }

    public <T extends IntegrationEvent> Consumer<Message<byte[]>> of(Class<T> type, Consumer<T> handler) {
        String ceType = EventType.forPayload(type).map(EventType::ceType).orElse(type.getSimpleName());
        return message -> decoder.decode(message, type).ifPresent(event -> {
            // ids and type only: with the trace id of the record's traceparent this line ties the
            // consumer to the request that caused the event, in another service's log
            log.info("Consuming {} {}", ceType, event.eventId());
            handler.accept(event);
        });
    }
}
