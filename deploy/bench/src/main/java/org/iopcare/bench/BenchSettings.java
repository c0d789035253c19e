package org.iopcare.bench;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopcare.local.ServiceSpec;

/**
 * What to measure and how much: the parts ({@code --only=}) and their sizes, each an option whose
 * default depends on {@code --smoke} (tiny sizes, seconds in all: the build's check that the
 * benchmark still works, not a measurement).
 */
record BenchSettings(
        Set<String> parts,
        boolean smoke,
        int insertThreads,
        double insertSeconds,
        int producerRecords,
        double inquiryStartRate,
        double inquiryMaxRate,
        double inquiryStepSeconds,
        int inquiryWarmupSteps,
        double inquiryP99Millis,
        double pipelineSeconds,
        int relayEvents,
        int relayKeys,
        String relaySchema,
        int enrollmentClients,
        int enrollmentThreads,
        ZoneId zone,
        int instances,
        List<String> instancesOf) {

    /** What a run measures unless {@code --only} says otherwise. */
    static final List<String> PARTS = List.of("baselines", "inquiry", "relay", "enrollment", "footprint");

    /**
     * Measured only when asked for ({@code --instances=N} or {@code --only=instances}): the inquiry
     * pipeline on N instances of intake and notification ({@code --instances-of=}) against one
     * ({@link InstanceScaling}).
     */
    static final String INSTANCES = "instances";

    /** The services {@code --instances} may start more of: the inquiry pipeline's. */
    static final List<String> SCALABLE = List.of(ServiceSpec.INTAKE.shortName(), ServiceSpec.NOTIFICATION.shortName());

    static BenchSettings from(Options options) {
        boolean smoke = options.flag("smoke");
        Set<String> parts = new LinkedHashSet<>(
                options.has("only") ? Arrays.asList(options.get("only", "").split(",")) : PARTS);
        for (String part : parts) {
            if (!PARTS.contains(part) && !part.equals(INSTANCES)) {
                throw new IllegalArgumentException(
                        "--only takes some of " + PARTS + " and " + INSTANCES + ", not " + part);
            }
        }
        if (options.has(INSTANCES)) {
            parts.add(INSTANCES);
        }
        // a bare --instances is two
        int instances = options.flag(INSTANCES) ? 2 : options.integer(INSTANCES, 2);
        if (instances < 2 || instances > ServiceSpec.MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "--instances takes 2 to " + ServiceSpec.MAX_INSTANCES + " (compared with one), not " + instances);
        }
        List<String> instancesOf = Arrays.asList(
                options.get("instances-of", String.join(",", SCALABLE)).split(","));
        if (instancesOf.isEmpty() || !SCALABLE.containsAll(instancesOf)) {
            throw new IllegalArgumentException("--instances-of takes some of " + SCALABLE + ", not " + instancesOf);
        }
        return new BenchSettings(
                parts,
                smoke,
                options.integer("insert-threads", 8),
                options.number("insert-seconds", smoke ? 0.5 : 10),
                options.integer("producer-records", smoke ? 2_000 : 300_000),
                options.number("inquiry-start-rate", smoke ? 10 : 20),
                options.number("inquiry-max-rate", smoke ? 10 : 5_000),
                options.number("inquiry-step-seconds", smoke ? 1 : 5),
                options.integer("inquiry-warmup-steps", smoke ? 0 : 3),
                options.number("inquiry-p99-ms", smoke ? 60_000 : 50),
                options.number("pipeline-seconds", smoke ? 1 : 20),
                options.integer("relay-events", smoke ? 500 : 100_000),
                options.integer("relay-keys", smoke ? 20 : 1_000),
                options.get("relay-schema", "intake"),
                options.integer("enrollment-clients", smoke ? 2 : 200),
                options.integer("enrollment-threads", 8),
                ZoneId.of(options.get("zone", "America/New_York")),
                instances,
                List.copyOf(instancesOf));
    }

    boolean measures(String part) {
        return parts.contains(part);
    }

    /** The INSERT baseline is the yardstick of the inquiry (on one instance or several) and enrollment figures. */
    boolean needsInsertBaseline() {
        return measures("baselines") || measures("inquiry") || measures("enrollment") || measures(INSTANCES);
    }

    /** How many instances of which services the benchmark's platform starts beyond one each (none: one of each). */
    Map<String, Integer> instanceCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (measures(INSTANCES)) {
            instancesOf.forEach(service -> counts.put(service, instances));
        }
        return counts;
    }

    /** How many instances of {@code service} the comparison runs on. */
    int instancesOf(ServiceSpec service) {
        return instanceCounts().getOrDefault(service.shortName(), 1);
    }

    /** The producer baseline is the yardstick of the relay's drain rate. */
    boolean needsProducerBaseline() {
        return measures("baselines") || measures("relay");
    }
}
