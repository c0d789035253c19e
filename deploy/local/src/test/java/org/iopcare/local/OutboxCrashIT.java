package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Proof (a) of the event backbone: intake-service, as a real process on a real Kafka broker and a
 * real PostgreSQL, is killed with SIGKILL repeatedly while a load generator commits events through
 * its REST API, and is restarted each time. Afterwards every event in intake's database is on the
 * topics at least once, no event appears that was not committed, and the events of each record key
 * are in commit order. Duplicates are allowed and printed.
 *
 * <p>The default build runs 3 kills over 3,000 events;
 * {@code -Diopcare.proof.outbox.kills=10 -Diopcare.proof.outbox.events=10000} the full proof
 * (deploy/local/README.md).
 */
class OutboxCrashIT extends IntakeProof {

    private static final int MIN_KILLS = Integer.getInteger("iopcare.proof.outbox.kills", 3);
    private static final int MIN_EVENTS = Integer.getInteger("iopcare.proof.outbox.events", 3_000);
    private static final int WORKERS = 6;

    @Test
    void everyCommittedEventArrivesInOrderThoughIntakeIsKilledUnderLoad() throws Exception {
        ServiceSpec intake = startIntake();
        IntakeApi api = new IntakeApi(platform.serviceUrl(intake));
        IntakeLedger ledger = new IntakeLedger(platform);
        InquiryLoad load = new InquiryLoad(api, api.staffToken());
        // Seeded: a failure can be run again with the same kill moments.
        long seed = Long.getLong("iopcare.proof.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Double> restartSeconds = new ArrayList<>();

        long start = System.nanoTime();
        load.start(WORKERS);
        int kills = 0;
        // One kill at a random moment of each of MIN_KILLS equal slices of the load, the last slice
        // (the last 1/(MIN_KILLS + 1) of the events) without a kill, so the run lasts no longer
        // than the proof needs whatever the machine's speed.
        long slice = MIN_EVENTS / (MIN_KILLS + 1);
        for (int i = 0; i < MIN_KILLS; i++) {
            long killAt = i * slice + slice / 4 + random.nextInt((int) (slice * 3 / 4));
            awaitChanges(load, killAt);
            load.pause();
            long pid = platform.kill(intake);
            kills++;
            double restart = platform.restart(intake).toMillis() / 1000.0;
            restartSeconds.add(restart);
            load.resume();
            System.out.printf(
                    "kill %d of intake (pid %d) after %d changes; ready again in %.1f s%n",
                    kills, pid, load.changes(), restart);
        }
        awaitChanges(load, MIN_EVENTS);
        load.stop();
        assertThat(load.failure()).as("load generator").isNull();

        // Everything committed is relayed once the (last restarted) intake has drained its outbox.
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.outboxPending() == 0);
        List<IntakeLedger.Committed> committed = ledger.committed();
        List<TopicLog.Delivered> records = TopicLog.read(
                platform.kafkaBootstrapServers(), List.of(IntakeLedger.RECEIVED, IntakeLedger.STATUS_CHANGED));
        DeliveryCheck check = DeliveryCheck.of(committed, records);
        double seconds = (System.nanoTime() - start) / 1e9;

        long received = committed.stream()
                .filter(c -> c.topic().equals(IntakeLedger.RECEIVED))
                .count();
        print(
                "events committed %d (inquiry-received %d, inquiry-status-changed %d)",
                check.committed(), received, check.committed() - received);
        print("events delivered %d (records on the topics %d)", check.delivered(), check.records());
        print("events lost %d %s", check.lost(), check.lostSample().isEmpty() ? "" : check.lostSample());
        print("duplicates seen on the topics %d (records with an event id seen before)", check.duplicates());
        print("out-of-order pairs per record key %d (%d keys)", check.outOfOrderPairs(), check.keys());
        print(
                "events on the topics that were never committed %d, committed events published under a second id %d",
                check.phantoms(), check.reissued());
        print(
                "kills %d (kill -9 under load; requests cut off and retried %d; restart until ready avg %.1f s, max %.1f s)",
                kills,
                load.failedRequests(),
                restartSeconds.stream().mapToDouble(d -> d).average().orElse(0),
                restartSeconds.stream().mapToDouble(d -> d).max().orElse(0));
        print("total run time %.0f s (load, kills and drain; JDK %s, seed %d)", seconds, Runtime.version(), seed);

        assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(check.committed()).isGreaterThanOrEqualTo(MIN_EVENTS);
        assertThat(check.lost()).as("events lost, e.g. %s", check.lostSample()).isZero();
        assertThat(check.phantoms()).as("events never committed").isZero();
        assertThat(check.reissued())
                .as("committed events published under a second event id")
                .isZero();
        assertThat(check.outOfOrderPairs()).as("out-of-order pairs").isZero();
        assertThat(check.splitKeys()).as("keys on more than one partition").isZero();
    }

    private static void awaitChanges(InquiryLoad load, long changes) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> load.changes() >= changes || load.failure() != null);
        assertThat(load.failure()).as("load generator").isNull();
    }

    private static void print(String format, Object... args) {
        System.out.println("[proof] kill-9: " + String.format(format, args));
    }
}
