package org.iopcare.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.iopcare.support.observability.TraceParents;
import org.iopcare.support.outbox.OutboxProperties;
import org.iopcare.support.outbox.OutboxSignal;
import org.iopcare.support.outbox.OutboxStore;
import org.iopcare.support.outbox.PendingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay publishes each row inside the trace of the request that appended it. */
class OutboxRelayTracingTest {

    static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";

    final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    final OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    final Tracer tracer = new OtelTracer(
            otel.getTracer("test"), current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));

    @Test
    void eachRecordIsSentInItsOwnRequestsTrace() {
        List<PendingEvent> rows = List.of(
                row(1, "00-" + TRACE_A + "-00f067aa0ba902b7-01"),
                row(2, null),
                row(3, "00-" + TRACE_B + "-b7ad6b7169203331-01"));
        OutboxStore store = new OutboxStore(null, null, "test") {
            boolean served;

            @Override
            public List<Integer> pendingShards() {
                return served ? List.of() : List.of(0);
            }

            @Override
            public boolean tryLockShard(int shard) {
                return true;
            }

            @Override
            public List<PendingEvent> nextBatch(int shard, int limit) {
                List<PendingEvent> batch = served ? List.of() : rows;
                served = true;
                return batch;
            }

            @Override
            public void deletePublished(List<Long> seqs) {}

            @Override
            public long pendingCount() {
                return 0;
            }
        };
        List<String> traceAtSend = new ArrayList<>();
        OutboxPublisher publisher = event -> {
            traceAtSend.add(
                    tracer.currentSpan() == null
                            ? "none"
                            : tracer.currentSpan().context().traceId());
            return CompletableFuture.completedFuture(null);
        };
        TransactionTemplate tx = new TransactionTemplate() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return action.doInTransaction(new SimpleTransactionStatus());
            }
        };
        OutboxRelay relay = new OutboxRelay(
                store,
                new OutboxSignal(),
                publisher,
                tx,
                new OutboxProperties(Duration.ofMillis(500), 200, Duration.ofSeconds(1), 1),
                new SimpleMeterRegistry(),
                new TraceParents(tracer, new OtelPropagator(otel.getPropagators(), otel.getTracer("test"))));

        assertThat(relay.publishPending()).isEqualTo(3);
        assertThat(traceAtSend).containsExactly(TRACE_A, "none", TRACE_B);
        assertThat(tracer.currentSpan()).isNull();
    }

    private static PendingEvent row(long seq, String traceparent) {
        UUID client = UUID.randomUUID();
        return new PendingEvent(
                seq,
                UUID.randomUUID(),
                "enrolled",
                client.toString(),
                "org.iopcare.intake.enrolled.v1",
                "/iopcare/intake",
                Instant.parse("2026-11-27T10:00:00Z"),
                "{}",
                traceparent);
    }
}
