package org.iopcare.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ObservabilityConfigurationTest {

    @Test
    void keepsOnlyTheObservedKafkaTemplateTimer() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new ObservabilityConfiguration().kafkaTemplateObservationTimerOnly());

        Timer.builder("spring.kafka.template")
                .tags("name", "t", "result", "success", "exception", "none")
                .register(meters);
        Timer.builder("spring.kafka.template")
                .tags("messaging.destination.name", "enrolled", "error", "none")
                .register(meters);
        Timer.builder("http.server.requests").tags("result", "x").register(meters);

        assertThat(meters.find("spring.kafka.template").timers())
                .singleElement()
                .satisfies(timer -> assertThat(timer.getId().getTag("messaging.destination.name"))
                        .isEqualTo("enrolled"));
        assertThat(meters.find("http.server.requests").timers()).hasSize(1);
    }
}
