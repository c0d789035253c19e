package org.iopcare.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import org.iopcare.events.EventType;
import org.junit.jupiter.api.Test;

class AppendedEventsTest {

    @Test
    void oneCounterPerCatalogueTypeTaggedWithItsTopic() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AppendedEvents appended = new AppendedEvents(meters);

        appended.committed(EventType.CLIENT_ENROLLED_V1);
        appended.committed(EventType.CLIENT_ENROLLED_V1);
        appended.committed(EventType.SESSION_MISSED_V1);

        // one per topic and version: the types of a payload several services publish share theirs
        assertThat(meters.get(AppendedEvents.METER).counters()).hasSize((int) Arrays.stream(EventType.values())
                .map(type -> type.topic() + ".v" + type.version())
                .distinct()
                .count());
        assertThat(meters.get(AppendedEvents.METER)
                        .tag("type", "enrolled")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.get(AppendedEvents.METER)
                        .tag("type", "session-missed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get(AppendedEvents.METER)
                        .tag("type", "inquiry-received")
                        .counter()
                        .count())
                .isZero();
    }
}
