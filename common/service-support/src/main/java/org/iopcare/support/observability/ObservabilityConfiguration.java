package org.iopcare.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Business counters and trace continuity shared by every service. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    AppendedEvents appendedEvents(MeterRegistry meters) {
        return new AppendedEvents(meters);
    }

    /**
     * With the binder's observation on, spring-kafka's template also records its older timer under
     * the same name with other tag keys; Prometheus keeps one set of keys per name, so whichever
     * came first would push the other out (with a warning). The observation's timer (tagged with
     * the topic) is the one to keep.
     */
    @Bean
    MeterFilter kafkaTemplateObservationTimerOnly() {
        return MeterFilter.deny(id -> KAFKA_TEMPLATE_TIMER.equals(id.getName()) && id.getTag("result") != null);
    }

    static final String KAFKA_TEMPLATE_TIMER = "spring.kafka.template";

    /** Falls back to no tracing when a service switched tracing off. */
    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? TraceParents.none() : new TraceParents(t, p);
    }
}
