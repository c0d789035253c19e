package org.iopcare.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox: the request's W3C {@code traceparent} is stored with the
 * outbox row, and the relay, which publishes later on its own thread, resumes it so the Kafka
 * record (and every consumer's span) belongs to the request's trace.
 */
public class TraceParents {

    static final String HEADER = "traceparent";

    /** version-traceid-spanid-flags; anything else is not stored (and never echoed). */
    private static final Pattern W3C = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static final Resumed NOTHING = () -> {};

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Without tracing on the classpath or configured: nothing is captured or resumed. */
    public static TraceParents none() {
        return new TraceParents(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current span's {@code traceparent}, or null outside a trace. */
    public @Nullable String current() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String value = carrier.get(HEADER);
        return value != null && W3C.matcher(value).matches() ? value : null;
    }

    /**
     * Starts a span named {@code name} as a child of {@code traceparent} and makes it current on
     * this thread until the returned handle is closed. A null or malformed value resumes nothing.
     */
    public Resumed resume(String traceparent, String name) {
        if (traceparent == null || !W3C.matcher(traceparent).matches()) {
            return NOTHING;
        }
        Span span = propagator
                .extract(Map.of(HEADER, traceparent), (carrier, key) -> carrier.get(key))
                .name(name)
                .kind(Span.Kind.PRODUCER)
                .start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return () -> {
            scope.close();
            span.end();
        };
    }

    /** A resumed trace; closing it ends the span and restores the thread's previous context. */
    @FunctionalInterface
    public interface Resumed extends AutoCloseable {
        @Override
        void close();
    }
}
