package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Proof (d) of the event backbone: the Kafka broker process is stopped for 30 s while inquiries keep
 * arriving at intake-service's public form. Every request is accepted, liveness and readiness stay
 * UP (Kafka is in neither group), the events wait in the outbox, and once the broker is back on the
 * same port and data every one of them is delivered.
 */
class BrokerOutageIT extends IntakeProof {

    private static final int PER_SECOND = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(5);

    @Test
    void everyInquiryIsAcceptedWhileKafkaIsDownAndDeliveredWhenItIsBack() throws Exception {
        ServiceSpec intake = startIntake();
        IntakeApi api = new IntakeApi(platform.serviceUrl(intake));
        IntakeLedger ledger = new IntakeLedger(platform);
        PacedInquiries inquiries = new PacedInquiries(api);
        AtomicLong pendingMax = new AtomicLong();
        AtomicInteger probes = new AtomicInteger();

        inquiries.start(PER_SECOND);
        long warmUpUntil = inquiries.sent() + PER_SECOND * BEFORE_AND_AFTER.toSeconds();
        // Steady state first: the relay has published (so its producer binding exists) and keeps up.
        // A service whose first publish falls into an outage waits longer; see the ADR's evidence.
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> inquiries.sent() >= warmUpUntil && ledger.outboxPending() == 0);

        Instant outageStart = Instant.now();
        platform.stopKafka();
        Instant stopped = Instant.now();
        // The outage lasts OUTAGE; all the while both probes must answer UP (checked every second).
        Awaitility.await()
                .during(OUTAGE)
                .atMost(OUTAGE.plusSeconds(15))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    probes.incrementAndGet();
                    pendingMax.accumulateAndGet(ledger.outboxPending(), Math::max);
                    return api.health("liveness") == 200 && api.health("readiness") == 200;
                });
        Duration kafkaReady = platform.startKafka();
        Instant back = Instant.now();

        long afterUntil = inquiries.sent() + PER_SECOND * BEFORE_AND_AFTER.toSeconds();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    pendingMax.accumulateAndGet(ledger.outboxPending(), Math::max);
                    return inquiries.sent() >= afterUntil;
                });
        inquiries.stop();
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.outboxPending() == 0);

        List<IntakeLedger.Committed> committed = ledger.committed();
        List<TopicLog.Delivered> records =
                TopicLog.read(platform.kafkaBootstrapServers(), List.of(IntakeLedger.RECEIVED));
        DeliveryCheck check = DeliveryCheck.of(committed, records);
        long duringOutage = ledger.inquiriesReceivedBetween(outageStart, back);
        // When the relay sent the last of the events that were waiting when the broker came back.
        java.util.Set<String> waiting = new java.util.HashSet<>();
        committed.stream().filter(c -> !c.at().isAfter(back)).forEach(c -> waiting.add(c.identity()));
        long lastDelivered = records.stream()
                .filter(r -> waiting.contains(r.identity()))
                .mapToLong(TopicLog.Delivered::timestamp)
                .max()
                .orElse(back.toEpochMilli());
        double drainSeconds = Math.max(0, lastDelivered - back.toEpochMilli()) / 1000.0;

        print(
                "REST requests sent %d at %d/s, errors %d (slowest answer %d ms)",
                inquiries.sent(), PER_SECOND, inquiries.errors(), inquiries.slowestMillis());
        print(
                "broker down %.1f s (stop %.1f s, then %d s stopped, then %.1f s until it answered Metadata)",
                Duration.between(outageStart, back).toMillis() / 1000.0,
                Duration.between(outageStart, stopped).toMillis() / 1000.0,
                OUTAGE.toSeconds(),
                kafkaReady.toMillis() / 1000.0);
        print("liveness and readiness UP at all %d probes during the outage", probes.get());
        print("events committed during the outage %d; events committed in all %d", duringOutage, check.committed());
        print(
                "events delivered %d of %d (all committed before the broker returned included), lost %d",
                check.delivered(), check.committed(), check.lost());
        print("drain time from broker ready to last waiting event delivered %.1f s", drainSeconds);
        print(
                "outbox pending max %d; duplicates on the topic %d; out-of-order pairs %d",
                pendingMax.get(), check.duplicates(), check.outOfOrderPairs());
        print("JDK %s", Runtime.version());

        assertThat(inquiries.errors()).as("REST errors").isZero();
        assertThat(duringOutage)
                .as("inquiries committed while the broker was down")
                .isGreaterThan(0);
        assertThat(check.lost()).as("events lost, e.g. %s", check.lostSample()).isZero();
        assertThat(check.phantoms()).as("events never committed").isZero();
        assertThat(check.outOfOrderPairs()).as("out-of-order pairs").isZero();
        assertThat(pendingMax.get()).as("events waited in the outbox").isGreaterThan(0);
    }

    private static void print(String format, Object... args) {
        System.out.println("[proof] broker-outage: " + String.format(format, args));
    }
}
