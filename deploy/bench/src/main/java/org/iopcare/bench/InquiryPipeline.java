package org.iopcare.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.iopcare.local.ServiceSpec;

/**
 * The public inquiry form under open-model load. First the rate is stepped up (short steps, each a
 * quarter above the last) until the POST's p99 passes the limit or a POST fails; the highest step
 * that held is the sustained rate (0 when not even the first did). Then, once notification has sent everything the steps queued,
 * inquiries arrive at half that rate and each inquirer's acknowledgement is looked up on the SMS
 * sandbox's log: POST to SMS latency, and acknowledgements handed over per second against POSTs per
 * second. With more than one intake instance the POSTs go to them in turn; the SMS all reach the
 * sandbox of notification's first instance, whatever instance sends them.
 */
final class InquiryPipeline {

    /** One step of the ramp, with the CPU intake used during it (NaN where not readable). */
    record Step(double rate, int posts, double p50, double p99, long failed, double intakeCpuMillis) {}

    /** The ramp, the sustained rate, and the pipeline at half of it. */
    record Result(List<Step> steps, double sustainedRate, Acknowledgements.Findings pipeline) {

        /** Intake's CPU (user + system) per POST over the ramp's steps, its background work included. */
        double intakeCpuMillisPerPost() {
            return steps.stream().mapToDouble(Step::intakeCpuMillis).sum()
                    / steps.stream().mapToInt(Step::posts).sum();
        }
    }

    private final Platform platform;
    private volatile List<String> intakes;
    private final String notification;
    private final double p99LimitMillis;
    private final double startRate;
    private final double maxRate;
    private final double stepSeconds;
    private final int warmupSteps;
    private final double pipelineSeconds;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Phones phones = new Phones();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private long posted;

    InquiryPipeline(
            Platform platform,
            List<String> intakes,
            String notification,
            double p99LimitMillis,
            double startRate,
            double maxRate,
            double stepSeconds,
            int warmupSteps,
            double pipelineSeconds) {
        this.platform = platform;
        this.intakes = List.copyOf(intakes);
        this.notification = notification;
        this.p99LimitMillis = p99LimitMillis;
        this.startRate = startRate;
        this.maxRate = maxRate;
        this.stepSeconds = stepSeconds;
        this.warmupSteps = warmupSteps;
        this.pipelineSeconds = pipelineSeconds;
    }

    Result run() throws Exception {
        OpenLoad load = new OpenLoad(client);
        // connections, caches and the JIT's first compilations: a few steps' worth, not counted
        if (warmupSteps > 0) {
            load.run(startRate, stepSeconds * warmupSteps, this::post);
        }
        List<Step> steps = new java.util.ArrayList<>();
        double sustained = 0;
        // every intake instance's process: intake-service, intake-service-2, ...
        List<Long> intakePids = platform.pids().entrySet().stream()
                .filter(e -> e.getKey().equals(ServiceSpec.INTAKE.name())
                        || e.getKey().startsWith(ServiceSpec.INTAKE.name() + "-"))
                .map(java.util.Map.Entry::getValue)
                .toList();
        for (double rate = startRate; rate <= maxRate; rate *= 1.25) {
            double cpuBefore = cpuMillis(intakePids);
            List<OpenLoad.Sent> sent = load.run(rate, stepSeconds, this::post);
            Step step = step(rate, sent, cpuMillis(intakePids) - cpuBefore);
            steps.add(step);
            System.out.printf(
                    Locale.ROOT,
                    "  inquiry step %6.1f/s: %4d POSTs, p50 %6.1f ms, p99 %7.1f ms, %d failed, intake CPU %.1f ms/POST%n",
                    rate,
                    step.posts(),
                    step.p50(),
                    step.p99(),
                    step.failed(),
                    step.intakeCpuMillis() / step.posts());
            if (step.failed() > 0 || step.p99() > p99LimitMillis) {
                break;
            }
            sustained = rate;
        }
        if (sustained == 0) {
            System.out.printf(
                    Locale.ROOT,
                    "  not even %.1f inquiries/s kept the POST p99 within %.0f ms (--inquiry-start-rate lower);"
                            + " the pipeline runs at half of that%n",
                    startRate,
                    p99LimitMillis);
        }
        double half = (sustained == 0 ? startRate : sustained) / 2;
        return new Result(steps, sustained, pipeline(half, intakes));
    }

    /**
     * The pipeline alone at {@code rate}, POSTs to {@code intakeUrls} in turn, once what earlier load
     * queued has gone out: the half-rate phase of {@link #run()}, and the comparison of one instance
     * against several at the same rate ({@link InstanceScaling}).
     */
    Acknowledgements.Findings pipeline(double rate, List<String> intakeUrls) throws Exception {
        this.intakes = List.copyOf(intakeUrls);
        Acknowledgements acknowledgements = new Acknowledgements(platform, client, notification);
        acknowledgements.awaitQuiet(Duration.ofMinutes(10));
        long first;
        synchronized (this) {
            first = posted;
        }
        List<OpenLoad.Sent> sent = new OpenLoad(client).run(rate, pipelineSeconds, this::post);
        return acknowledgements.lookUp(sent, n -> phones.number(first + n), rate);
    }

    private static double cpuMillis(List<Long> pids) {
        return pids.isEmpty()
                ? Double.NaN
                : pids.stream().mapToDouble(ProcessCpu::millis).sum();
    }

    private Step step(double rate, List<OpenLoad.Sent> sent, double intakeCpuMillis) {
        long failed = sent.stream().filter(s -> s.status() != 201).count();
        if (sent.stream().anyMatch(s -> s.status() == 429)) {
            throw new IllegalStateException(
                    "intake's public form answered 429: the local run limits it to 10"
                            + " inquiries per 10 minutes per address. Start the run with"
                            + " IOPCARE_INTAKE_RATELIMIT_REQUESTS=100000000 in the environment, or let the benchmark start one");
        }
        return new Step(
                rate,
                sent.size(),
                OpenLoad.percentile(sent, 50),
                OpenLoad.percentile(sent, 99),
                failed,
                intakeCpuMillis);
    }

    /** The form as the public web page posts it: no token, one new inquirer per request. */
    private HttpRequest post(long ignored) {
        long n;
        synchronized (this) {
            n = posted++;
        }
        String json =
                "{\"firstName\":\"Bench\",\"lastName\":\"Inquirer" + run + n + "\",\"phone\":\"" + phones.number(n)
                        + "\",\"preferredChannel\":\"SMS\",\"contactConsent\":true,\"referralSource\":\"SELF\"}";
        List<String> to = intakes;
        return HttpRequest.newBuilder(URI.create(to.get((int) (n % to.size())) + "/api/inquiries"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
