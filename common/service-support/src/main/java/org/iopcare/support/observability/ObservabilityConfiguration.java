package org.iopcare.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
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

    /** Falls back to no tracing when a service switched tracing off. */
    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? TraceParents.none() : new TraceParents(t, p);
    }
}
