package org.iopcare.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.iopcare.local.ServiceSpec;

/**
 * The inquiry pipeline on several instances of intake and notification (or of one of them,
 * {@code --instances-of=}) against one, on the same
 * platform and at the same rate: first {@link InquiryPipeline#run()} with every instance up (the
 * POSTs to the intake instances in turn, the dispatchers of every notification instance claiming
 * from the one queue), then the further instances stopped as an operator would, and the half-rate
 * phase again on the first instances alone. Both phases look every acknowledgement up on the one
 * sandbox provider: none may be missing or sent twice.
 */
final class InstanceScaling {

    /**
     * Both phases at one rate: {@code several} on the instances {@code scaled} names (e.g. "2
     * instances of intake and notification"), {@code one} on the first instances alone.
     */
    record Result(
            String scaled,
            InquiryPipeline.Result ramp,
            Acknowledgements.Findings several,
            Acknowledgements.Findings one) {

        /** Acknowledgements handed over per second with every instance against the first alone. */
        double ratio() {
            return several.handedOverPerSecond() / one.handedOverPerSecond();
        }
    }

    /** How long the consumer group may take to settle (a member that did not leave times out in 45 s). */
    private static final Duration REBALANCE = Duration.ofSeconds(60);

    private final Platform platform;
    private final BenchSettings settings;

    InstanceScaling(Platform platform, BenchSettings settings) {
        this.platform = platform;
        this.settings = settings;
    }

    Result run() throws Exception {
        List<ServiceSpec> intakes = platform.instances(ServiceSpec.INTAKE);
        List<ServiceSpec> notifications = platform.instances(ServiceSpec.NOTIFICATION);
        if (intakes.size() != settings.instancesOf(ServiceSpec.INTAKE)
                || notifications.size() != settings.instancesOf(ServiceSpec.NOTIFICATION)) {
            throw new IllegalStateException("--instances=" + settings.instances() + " of " + settings.instancesOf()
                    + ": the platform runs "
                    + intakes.stream().map(ServiceSpec::processName).toList() + " and "
                    + notifications.stream().map(ServiceSpec::processName).toList());
        }
        String scaled = settings.instances() + " instances of " + String.join(" and ", settings.instancesOf());
        InquiryPipeline pipeline = new InquiryPipeline(
                platform,
                intakes.stream().map(platform::url).toList(),
                platform.url(notifications.get(0)),
                settings.inquiryP99Millis(),
                settings.inquiryStartRate(),
                settings.inquiryMaxRate(),
                settings.inquiryStepSeconds(),
                settings.inquiryWarmupSteps(),
                settings.pipelineSeconds());
        InquiryPipeline.Result ramp = pipeline.run();
        Acknowledgements.Findings several = ramp.pipeline();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            String group = ServiceSpec.NOTIFICATION.name();
            int members = awaitStable(admin, group, count -> count > 0);
            List<ServiceSpec> others = new ArrayList<>(intakes.subList(1, intakes.size()));
            others.addAll(notifications.subList(1, notifications.size()));
            // side by side, as an operator scaling in would
            long stopping = System.nanoTime();
            CompletableFuture.allOf(others.stream()
                            .map(instance -> CompletableFuture.runAsync(() -> platform.stop(instance)))
                            .toArray(CompletableFuture[]::new))
                    .join();
            long stopped = System.nanoTime();
            // every instance has the same bindings, so the same number of consumers in the group
            awaitStable(admin, group, count -> count == members / notifications.size());
            System.out.printf(
                    Locale.ROOT,
                    "  instances: %s stopped in %.1f s; %s's %d consumers down to %d in %.1f s more%n",
                    others.stream().map(ServiceSpec::processName).toList(),
                    (stopped - stopping) / 1e9,
                    group,
                    members,
                    members / notifications.size(),
                    (System.nanoTime() - stopped) / 1e9);
        }
        Acknowledgements.Findings one = pipeline.pipeline(several.rate(), List.of(platform.url(intakes.get(0))));
        return new Result(scaled, ramp, several, one);
    }

    /**
     * Waits until the consumer group (named after the service) is stable with a number of members
     * that {@code expected} accepts: before the other instances stop, and after they left and gave
     * their partitions to the first, so that the phase on one instance does not time a rebalance.
     */
    private static int awaitStable(Admin admin, String group, IntPredicate expected) throws Exception {
        long deadline = System.nanoTime() + REBALANCE.toNanos();
        while (true) {
            ConsumerGroupDescription description =
                    admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            int members = description.members().size();
            if (description.groupState() == GroupState.STABLE && expected.test(members)) {
                return members;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Consumer group " + group + " not settled within "
                        + REBALANCE.toSeconds() + " s: " + description.groupState() + ", " + members + " members");
            }
            Thread.sleep(200);
        }
    }
}
