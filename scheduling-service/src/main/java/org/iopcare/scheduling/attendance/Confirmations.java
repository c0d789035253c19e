package org.iopcare.scheduling.attendance;

import org.iopcare.events.AttendanceConfirmed;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marks a session confirmed when the client confirmed it (from notification-service). */
@Service
public class Confirmations {

    static final String CONSUMER = "scheduling-service:attendance-confirmed";

    private final AttendanceStore store;
    private final ProcessedEvents processed;

    Confirmations(AttendanceStore store, ProcessedEvents processed) {
        this.store = store;
        this.processed = processed;
    }

    @Transactional
    public void onConfirmed(AttendanceConfirmed event) {
        if (event.eventId() == null
                || event.sessionId() == null
                || event.clientId() == null
                || event.occurredAt() == null) {
            throw new IllegalArgumentException("Attendance-confirmed event lacks an id, session, client or time");
        }
        if (!processed.claim(CONSUMER, event.eventId())) {
            return;
        }
        // A session of another client is left alone: the update matches on both ids.
        store.confirm(event.sessionId(), event.clientId(), event.occurredAt());
    }
}
