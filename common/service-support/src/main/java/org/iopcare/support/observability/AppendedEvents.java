package org.iopcare.support.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.iopcare.events.EventType;

/**
 * Counts committed outbox appends by event type: the platform's business counters (inquiries,
 * enrollments, sessions missed, plans updated …) without a line of code in the services. The tag
 * is the catalogue's topic name, never data, so its cardinality is fixed by {@link EventType}.
 */
public class AppendedEvents {

    static final String METER = "iopcare.events.appended";

    private final Map<EventType, Counter> counters = new EnumMap<>(EventType.class);

    public AppendedEvents(MeterRegistry meters) {
        for (EventType type : EventType.values()) {
            counters.put(
                    type,
                    Counter.builder(METER)
                            .description("Events committed to the outbox, by type")
                            .tag("type", type.topic())
                            .tag("version", "v" + type.version())
                            .register(meters));
        }
    }

    public void committed(EventType type) {
        counters.get(type).increment();
    }
}
