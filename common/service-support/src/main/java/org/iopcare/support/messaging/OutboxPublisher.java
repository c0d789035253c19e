package org.iopcare.support.messaging;

import java.util.concurrent.CompletableFuture;
import org.iopcare.support.outbox.PendingEvent;

/**
 * Hands one outbox row to the broker without waiting for it: the future completes when the broker
 * acknowledged the record (acks=all) or fails with the reason it was not. Records handed over one
 * after the other for the same key reach the topic in that order.
 */
public interface OutboxPublisher {

    CompletableFuture<?> publish(PendingEvent event);
}
