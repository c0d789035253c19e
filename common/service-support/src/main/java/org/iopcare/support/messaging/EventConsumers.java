package org.iopcare.support.messaging;

import java.util.function.Consumer;
import org.iopcare.events.IntegrationEvent;
import org.springframework.messaging.Message;

/**
 * Builds the functional consumer for one topic: decode (refusing poison), then hand the event to
 * its idempotent, transactional handler. Services bind the returned bean as {@code <name>-in-0}.
 */
public class EventConsumers {

    private final EventDecoder decoder;

    public EventConsumers(EventDecoder decoder) {
        this.decoder = decoder;
    }

    public <T extends IntegrationEvent> Consumer<Message<byte[]>> of(Class<T> type, Consumer<T> handler) {
        return message -> decoder.decode(message, type).ifPresent(handler);
    }
}
