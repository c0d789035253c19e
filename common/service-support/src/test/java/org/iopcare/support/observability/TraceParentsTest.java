package org.iopcare.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real OpenTelemetry bridge, as Boot wires it, without an exporter. */
class TraceParentsTest {

    final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    final OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    final io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("test");
    final Tracer tracer =
            new OtelTracer(otelTracer, current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
    final TraceParents traceParents = new TraceParents(tracer, new OtelPropagator(otel.getPropagators(), otelTracer));

    @AfterEach
    void close() {
        otel.close();
    }

    @Test
    void capturesTheRequestsTraceparent() {
        Span request = tracer.nextSpan().name("POST /api/inquiries").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            assertThat(traceParents.current())
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .contains(request.context().traceId())
                    .contains(request.context().spanId());
        } finally {
            request.end();
        }
        assertThat(traceParents.current()).as("outside any trace").isNull();
    }

    /** What the relay does: later, on another thread, the producer's observation joins the trace. */
    @Test
    void aResumedTraceparentParentsTheProducerObservation() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));

        try (TraceParents.Resumed ignored =
                traceParents.resume("00-" + traceId + "-00f067aa0ba902b7-01", "outbox publish")) {
            Observation send = Observation.start("kafka send", observations);
            try (Observation.Scope scope = send.openScope()) {
                assertThat(tracer.currentSpan().context().traceId()).isEqualTo(traceId);
                assertThat(tracer.currentSpan().context().parentId()).isNotEqualTo("00f067aa0ba902b7");
            } finally {
                send.stop();
            }
        }
        assertThat(tracer.currentSpan()).as("context restored").isNull();
    }

    @Test
    void nothingIsResumedFromAMissingOrMalformedValue() {
        try (TraceParents.Resumed ignored = traceParents.resume(null, "outbox publish")) {
            assertThat(tracer.currentSpan()).isNull();
        }
        try (TraceParents.Resumed ignored = traceParents.resume("00-not-a-trace-01", "outbox publish")) {
            assertThat(tracer.currentSpan()).isNull();
        }
    }

    @Test
    void withoutTracingNothingIsCaptured() {
        assertThat(TraceParents.none().current()).isNull();
    }
}
