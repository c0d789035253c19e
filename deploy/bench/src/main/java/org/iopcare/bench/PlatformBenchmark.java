package org.iopcare.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.iopcare.local.LocalOptions;
import org.iopcare.local.ServiceSpec;

/**
 * IOP Care's own benchmark: raw baselines of the local run's PostgreSQL and Kafka, and the product's
 * figures measured in the same run on the same machine, printed as one table (figure | product |
 * baseline | ratio) and written to {@code deploy/bench/target/bench-results.md} and {@code .tsv}.
 * Uses the local run that is running, or starts one (see {@link Platform}); deploy/bench/README.md
 * describes each figure and every option.
 */
public final class PlatformBenchmark {

    /** What a run measured, for the smoke test to check. */
    record Report(
            ResultTable table,
            Path written,
            InquiryPipeline.Result inquiry,
            RelayDrain.Result relay,
            EnrollmentPipeline.Result enrollment,
            List<Footprint.Process> footprint,
            InstanceScaling.Result instances) {}

    private PlatformBenchmark() {}

    public static void main(String[] args) throws Exception {
        Report report = run(Options.parse(args));
        System.out.println();
        System.out.print(report.table().markdown());
        System.out.println();
        System.out.println("Written to " + report.written());
    }

    static Report run(Options options) throws Exception {
        BenchSettings settings = BenchSettings.from(options);
        LocalOptions local = PlatformSetup.options(options, settings);
        List<ServiceSpec> services = PlatformSetup.services(settings, options);
        ResultTable table = new ResultTable();
        InquiryPipeline.Result inquiry = null;
        RelayDrain.Result relay = null;
        EnrollmentPipeline.Result enrollment = null;
        InstanceScaling.Result instances = null;
        List<Footprint.Process> footprint = List.of();
        try (Platform platform = Platform.attachOrStart(local, services);
                ScratchTopics topics = new ScratchTopics(platform.kafkaBootstrap())) {
            String serviceJvm = options.get("service-jvm", "local");
            if (!platform.startedHere()
                    && (!serviceJvm.equals("local")
                            || options.has("intake-java-options")
                            || options.has("welcome-delay"))) {
                throw new IllegalArgumentException("--service-jvm, --intake-java-options and --welcome-delay apply to a"
                        + " platform the benchmark starts, not to the local run that is running");
            }
            if (!platform.startedHere() && settings.measures(BenchSettings.INSTANCES)) {
                throw new IllegalArgumentException("--instances compares instances of a platform the benchmark starts"
                        + " (and stops some of); stop the local run that is running first");
            }
            context(table, settings, platform, serviceJvm);
            double inserts = Double.NaN;
            double records = Double.NaN;
            if (settings.needsInsertBaseline()) {
                inserts = new InsertBaseline(platform, settings.insertThreads(), settings.insertSeconds())
                        .transactionsPerSecond();
                table.add(
                        "PostgreSQL single-row INSERT, " + settings.insertThreads() + " threads, autocommit",
                        ResultTable.format(inserts) + " tps",
                        "(baseline)",
                        "");
            }
            if (settings.needsProducerBaseline()) {
                records = new ProducerBaseline(platform, topics, settings.producerRecords()).recordsPerSecond();
                table.add(
                        "Kafka producer, acks=all, " + ProducerBaseline.RECORD_BYTES + " B records",
                        ResultTable.format(records) + " records/s",
                        "(baseline)",
                        "");
            }
            if (settings.measures(BenchSettings.INSTANCES)) {
                // first: it ends with the further instances stopped, and the other parts measure one
                instances = instances(settings, platform, table, inserts);
            }
            if (settings.measures("inquiry")) {
                inquiry = inquiry(settings, platform, table, inserts);
            }
            if (settings.measures("relay")) {
                relay = relay(settings, platform, topics, table, records);
            }
            if (settings.measures("enrollment")) {
                enrollment = new EnrollmentPipeline(
                                platform, settings.enrollmentClients(), settings.enrollmentThreads(), settings.zone())
                        .run();
                table.add(
                        "Enrollments with full fan-out (" + enrollment.clients() + " clients, "
                                + settings.enrollmentThreads() + " staff at once, welcome after "
                                + options.get("welcome-delay", "PT30S")
                                        .substring(2)
                                        .toLowerCase(Locale.ROOT) + ")",
                        enrollment.enrollmentsPerSecond(),
                        "/s",
                        "INSERT tps",
                        inserts);
            }
            if (settings.measures("footprint")) {
                footprint = Footprint.of(platform);
                footprint(table, footprint);
            }
        }
        Path directory = Path.of(options.get(
                "out", local.repoRoot().resolve("deploy/bench/target").toString()));
        Path written = table.write(directory);
        return new Report(table, written, inquiry, relay, enrollment, footprint, instances);
    }

    private static void context(ResultTable table, BenchSettings settings, Platform platform, String serviceJvm)
            throws Exception {
        table.context(String.format(
                Locale.ROOT,
                "IOP Care benchmark%s: Java %s (%s), %d cores, load average %s, platform %s, services' JVM %s",
                settings.smoke() ? " (smoke sizes: not a measurement)" : "",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                platform.startedHere() ? "started by the benchmark" : "found running",
                platform.startedHere() ? serviceJvm : "as found"));
    }

    private static String loadAverage() throws Exception {
        Path file = Path.of("/proc/loadavg");
        if (!Files.isReadable(file)) {
            return "unknown";
        }
        String[] fields = Files.readString(file).split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static InquiryPipeline.Result inquiry(
            BenchSettings settings, Platform platform, ResultTable table, double inserts) throws Exception {
        InquiryPipeline.Result result = new InquiryPipeline(
                        platform,
                        List.of(platform.url(ServiceSpec.INTAKE)),
                        platform.url(ServiceSpec.NOTIFICATION),
                        settings.inquiryP99Millis(),
                        settings.inquiryStartRate(),
                        settings.inquiryMaxRate(),
                        settings.inquiryStepSeconds(),
                        settings.inquiryWarmupSteps(),
                        settings.pipelineSeconds())
                .run();
        inquiryRows(settings, table, inserts, result, "");
        return result;
    }

    /** The ramp's and the half-rate run's rows; {@code of} names the instances when there are several. */
    private static void inquiryRows(
            BenchSettings settings, ResultTable table, double inserts, InquiryPipeline.Result result, String of) {
        Acknowledgements.Findings pipeline = result.pipeline();
        String sustained = String.format(
                Locale.ROOT,
                "Public inquiry POST%s, highest rate with p99 <= %.0f ms",
                of,
                settings.inquiryP99Millis());
        if (result.sustainedRate() > 0) {
            table.add(sustained, result.sustainedRate(), "/s", "INSERT tps", inserts);
        } else {
            table.add(sustained, "below " + ResultTable.format(settings.inquiryStartRate()) + " /s", "", "");
        }
        double cpu = result.intakeCpuMillisPerPost();
        if (!Double.isNaN(cpu)) {
            table.add(
                    "intake CPU (user + system) per POST over the ramp" + of,
                    String.format(Locale.ROOT, "%.2f ms", cpu),
                    "",
                    "");
        }
        String at = " at " + ResultTable.format(pipeline.rate()) + "/s" + of;
        table.add("POST p99" + at, ResultTable.format(pipeline.postP99()) + " ms", "", "");
        table.add("POST -> acknowledgement SMS p50" + at, ResultTable.format(pipeline.smsP50()) + " ms", "", "");
        table.add("POST -> acknowledgement SMS p99" + at, ResultTable.format(pipeline.smsP99()) + " ms", "", "");
        table.add(
                "Acknowledgements handed over" + at, pipeline.handedOverPerSecond(), "/s", "POSTs/s", pipeline.rate());
        exactlyOnce(table, "Inquiries acknowledged exactly once" + at, pipeline);
    }

    /**
     * The inquiry rows of the run on several instances (POSTs to the intake instances in turn), then
     * the same half-rate run on the first instances alone against it.
     */
    private static InstanceScaling.Result instances(
            BenchSettings settings, Platform platform, ResultTable table, double inserts) throws Exception {
        InstanceScaling.Result result = new InstanceScaling(platform, settings).run();
        String many = result.scaled();
        inquiryRows(settings, table, inserts, result.ramp(), ", " + many);
        String at = " at " + ResultTable.format(result.one().rate()) + "/s";
        table.add(
                "Acknowledgements handed over" + at + ", " + many + " vs one",
                result.several().handedOverPerSecond(),
                "/s",
                "/s (one instance)",
                result.one().handedOverPerSecond());
        exactlyOnce(table, "Inquiries acknowledged exactly once" + at + ", one instance", result.one());
        return result;
    }

    /** The pipeline's evidence: every inquirer's acknowledgement on the sandbox's log once, none twice. */
    private static void exactlyOnce(ResultTable table, String figure, Acknowledgements.Findings findings) {
        table.add(
                figure,
                findings.acknowledgedOnce() + " of " + findings.posts(),
                "",
                findings.missing() + " missing, " + findings.repeated() + " sent twice");
    }

    private static RelayDrain.Result relay(
            BenchSettings settings, Platform platform, ScratchTopics topics, ResultTable table, double records)
            throws Exception {
        RelayDrain.Result result = new RelayDrain(
                        platform, topics, settings.relaySchema(), settings.relayEvents(), settings.relayKeys())
                .run();
        table.add(
                String.format(
                        Locale.ROOT,
                        "Outbox relay drain (%s, %,d events in one commit)",
                        settings.relaySchema(),
                        result.events()),
                result.eventsPerSecond(),
                "events/s",
                "records/s (producer)",
                records);
        TopicAudit.Findings audit = result.audit();
        table.add(
                "Relayed events on the topic (" + settings.relayKeys() + " keys)",
                String.format(Locale.ROOT, "%,d of %,d", audit.distinct(), result.events()),
                "",
                audit.lost() + " lost, " + audit.duplicates() + " duplicates, " + audit.outOfOrder() + " out of order");
        return result;
    }

    private static void footprint(ResultTable table, List<Footprint.Process> processes) {
        for (Footprint.Process process : processes) {
            OptionalDouble ready = process.readySeconds();
            table.add(
                    process.component() + " resident memory (VmRSS)",
                    ResultTable.format(process.residentMegabytes()) + " MB",
                    "",
                    "");
            if (ready.isPresent()) {
                table.add(
                        process.component() + " start to ready",
                        String.format(Locale.ROOT, "%.1f s", ready.getAsDouble()),
                        "",
                        "");
            }
        }
    }
}
