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
 * services of the inquiry pipeline and the relay; the enrollment part needs all four and is left
 * to the full run, where the acceptance suite already covers the same fan-out — and checks every
 * figure's own evidence, not its size.
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
            "--only=baselines,inquiry,relay,footprint",
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

        InquiryPipeline.Result inquiry = report.inquiry();
        assertThat(inquiry.sustainedRate()).isPositive();
        Acknowledgements.Findings pipeline = inquiry.pipeline();
        assertThat(pipeline.posts()).isPositive();
        assertThat(pipeline.acknowledgedOnce())
                .as("every posted inquiry acknowledged exactly once")
                .isEqualTo(pipeline.posts());
        assertThat(pipeline.missing()).isZero();
        assertThat(pipeline.repeated()).isZero();

        TopicAudit.Findings audit = report.relay().audit();
        assertThat(audit.distinct()).isEqualTo(report.relay().events());
        assertThat(audit.lost()).isZero();
        assertThat(audit.outOfOrder()).isZero();
        assertThat(audit.duplicates()).isZero();

        Map<String, Double> rss = report.footprint().stream()
                .collect(Collectors.toMap(Footprint.Process::component, Footprint.Process::residentMegabytes));
        assertThat(rss).containsKeys("intake-service", "notification-service", "kafka");
        assertThat(rss.values()).allSatisfy(mb -> assertThat(mb).isPositive());

        String table = Files.readString(out.resolve("bench-results.md"));
        assertThat(table)
                .contains("| figure | product | baseline | ratio |", "Outbox relay drain", "Public inquiry POST");
        assertThat(Files.readAllLines(out.resolve("bench-results.tsv")))
                .hasSize(report.table().rows().size() + 1);
    }
}
