package org.iopcare.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.message.IntakeSummaries.Summary;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The intake team's summary, run at instants of the test's choosing (periods of a day far ahead,
 * so no other run claims them): a burst gives one email with the count, concurrent runs give
 * one, a period nobody summarized is covered by the next.
 */
class IntakeSummaryIT extends NotificationIT {

    private static final String INTAKE_TEAM = "intake-team@clinic.example";

    @Autowired
    IntakeSummaries summaries;

    @Autowired
    JdbcTemplate jdbc;

    private static InquiryReceived inquiry(boolean consent) {
        UUID clientId = UUID.randomUUID();
        return new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                "Quinn",
                "+1617555" + (1000 + ThreadLocalRandom.current().nextInt(8999)),
                "quinn." + clientId + "@example.org",
                ContactChannel.EMAIL,
                consent,
                null);
    }

    private long counted(List<UUID> eventIds) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM intake_inquiry WHERE inquiry_event_id = ANY (?)", Long.class, (Object)
                        eventIds.toArray(UUID[]::new));
    }

    private static List<String> summariesReceived(String marker) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            String body = mail.getContent().toString();
            if (Arrays.stream(mail.getAllRecipients())
                            .anyMatch(a -> a.toString().equals(INTAKE_TEAM))
                    && body.contains(marker)) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    @Test
    void aBurstOfInquiriesGivesOneSummaryPerPeriodEvenWithConcurrentRunsAndNoPeriodIsLost() throws Exception {
        long started = System.nanoTime();
        // a quarter-hour boundary on a January day far ahead: 19:00 EST the evening before
        Instant base = Instant.parse("2100-01-01T00:00:00Z")
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(28)));
        // whatever earlier tests left uncounted goes into the period before
        summaries.summarize(base.plusSeconds(1));
        // and whatever they left for the dispatcher is sent first (the guarantee tests leave ~1,500 SMS)
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM message WHERE status = 'QUEUED'"
                                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= now())",
                                Long.class)
                        == 0);

        int burst = 1_000;
        List<IntegrationEvent> events = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            // without consent: nobody is acknowledged, so the burst costs the consumer only
            InquiryReceived event = inquiry(i < 2);
            events.add(event);
            eventIds.add(event.eventId());
        }
        TestKafka.publishAll(events);
        TestKafka.publishAll(events.subList(0, 10)); // redelivered: counted once
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> counted(eventIds) == burst);
        double consumed = (System.nanoTime() - started) / 1e9;

        // four instances' tasks at the same moment after the period's end: one summary
        Instant afterPeriod = base.plus(Duration.ofMinutes(15)).plusSeconds(7);
        ExecutorService runners = Executors.newFixedThreadPool(4);
        List<Optional<Summary>> results = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<Summary>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(runners.submit(() -> {
                    go.await();
                    return summaries.summarize(afterPeriod);
                }));
            }
            go.countDown();
            for (Future<Optional<Summary>> run : runs) {
                results.add(run.get());
            }
        } finally {
            runners.shutdown();
        }
        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
        Summary summary = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(summary.inquiries()).isEqualTo(burst);
        assertThat(summary.since()).isEqualTo(base);
        assertThat(summaries.summarize(afterPeriod.plusSeconds(60))).isEmpty();

        String marker = burst + " new inquiries since 19:00 EST.";
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> summariesReceived(marker).size() == 1);
        } catch (RuntimeException e) {
            System.out.println(
                    "[intake-summary] messages: "
                            + jdbc.queryForList(
                                    "SELECT status, status_detail, destination, body FROM message WHERE kind = 'INTAKE_SUMMARY'"));
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (Arrays.toString(mail.getAllRecipients()).contains("intake")) {
                    System.out.println("[intake-summary] mail: " + Arrays.toString(mail.getAllRecipients()) + " "
                            + mail.getContent());
                }
            }
            throw e;
        }
        String body = summariesReceived(marker).get(0);
        assertThat(body)
                .contains("http://localhost:8080/staff/inquiries")
                .doesNotContain("Quinn", "@example.org", "+1617");
        for (IntegrationEvent sent : events.subList(0, 20)) {
            InquiryReceived event = (InquiryReceived) sent;
            assertThat(body)
                    .doesNotContain(
                            event.clientId().toString(), event.inquiryId().toString());
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM message WHERE kind = 'INTAKE_SUMMARY' AND source_event_id = ?",
                        Long.class,
                        UUID.nameUUIDFromBytes(("intake-summary:" + base).getBytes(StandardCharsets.UTF_8))))
                .isOne();

        // no instance ran for the next two periods; the one after counts what came in meanwhile,
        // since the end of the last period summarized
        InquiryReceived late = inquiry(false);
        TestKafka.publish(late);
        await().atMost(Duration.ofSeconds(20)).until(() -> counted(List.of(late.eventId())) == 1);
        Summary next = summaries
                .summarize(base.plus(Duration.ofMinutes(60)).plusSeconds(3))
                .orElseThrow();
        assertThat(next.inquiries()).isEqualTo(1);
        assertThat(next.since()).isEqualTo(base.plus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> summariesReceived("1 new inquiry since 19:15 EST.").size() == 1);
        // a quiet period is claimed and sends nothing
        assertThat(summaries.summarize(base.plus(Duration.ofMinutes(75)).plusSeconds(1)))
                .hasValueSatisfying(quiet -> assertThat(quiet.inquiries()).isZero());
        System.out.printf(
                "[intake-summary] %d inquiries consumed in %.1f s; one summary from 4 concurrent runs; test %.1f s%n",
                burst, consumed, (System.nanoTime() - started) / 1e9);
    }
}
