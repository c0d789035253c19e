package org.iopcare.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at smoke sizes, so that it cannot rot unnoticed: it starts its own platform (a
 * temporary data folder, reserved ports) with Kafka, PostgreSQL, intake and notification — the
 * services of the inquiry pipeline and the relay, and a second notification instance for the
 * comparison of two instances with one ({@code --instances=2 --instances-of=notification}: the
 * instance with the most wiring of its own, sending to the first one's sandbox; a second intake
 * would cost another JVM's start and adds only the POSTs in turn); the enrollment part needs all
 * four and is left to the full run, where
 * the acceptance suite already covers the same fan-out — and checks every figure's own evidence,
 * not its size.
 */
class PlatformBenchmarkSmokeTest {

    @TempDir
    Path dataDir;

    @Test
    void everyPartRunsAndItsEvidenceHolds() throws Exception {
        int[] ports = TestPorts.reserve(6);
        Path out = dataDir.resolve("results");
        PlatformBenchmark.Report report = PlatformBenchmark.run(Options.parse(new String[] {
            "--smoke",
            // the inquiry pipeline runs inside the comparison of instances, rows and all (on two
            // instances, then the half-rate run again on one): a separate inquiry part would only
            // repeat it on one
            "--only=baselines,relay,footprint",
            "--instances=2",
            "--instances-of=notification",
            "--no-cds",
            "--data-dir=" + dataDir.resolve("platform"),
            "--kafka-port=" + ports[0],
            "--kafka-controller-port=" + ports[1],
            "--postgres-port=" + ports[2],
            "--intake-port=" + ports[3],
            "--notification-port=" + ports[4],
            "--smtp-port=" + ports[5],
            "--out=" + out
        }));

        InstanceScaling.Result instances = report.instances();
        assertThat(instances.scaled()).isEqualTo("2 instances of notification");
        assertThat(instances.ramp().sustainedRate()).isPositive();
        for (Acknowledgements.Findings phase : java.util.List.of(instances.several(), instances.one())) {
            assertThat(phase.posts()).isPositive();
            assertThat(phase.acknowledgedOnce())
                    .as("every inquiry acknowledged exactly once, with two instances and with one")
                    .isEqualTo(phase.posts());
            assertThat(phase.missing()).isZero();
            assertThat(phase.repeated()).as("sent twice").isZero();
        }
        assertThat(instances.one().rate()).isEqualTo(instances.several().rate());

        TopicAudit.Findings audit = report.relay().audit();
        assertThat(audit.distinct()).isEqualTo(report.relay().events());
        assertThat(audit.lost()).isZero();
        assertThat(audit.outOfOrder()).isZero();
        assertThat(audit.duplicates()).isZero();

        Map<String, Double> rss = report.footprint().stream()
                .collect(Collectors.toMap(Footprint.Process::component, Footprint.Process::residentMegabytes));
        assertThat(rss).containsKeys("intake-service", "notification-service", "kafka");
        assertThat(rss).as("the second instance was stopped").doesNotContainKey("notification-service-2");
        assertThat(rss.values()).allSatisfy(mb -> assertThat(mb).isPositive());

        String table = Files.readString(out.resolve("bench-results.md"));
        assertThat(table)
                .contains(
                        "| figure | product | baseline | ratio |",
                        "Outbox relay drain",
                        "Public inquiry POST, 2 instances of notification, highest rate",
                        "POST -> acknowledgement SMS p99",
                        "2 instances of notification vs one",
                        "0 missing, 0 sent twice");
        assertThat(Files.readAllLines(out.resolve("bench-results.tsv")))
                .hasSize(report.table().rows().size() + 1);
    }
}
