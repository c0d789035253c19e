package org.iopcare.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.sms.InboundSms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider's status report that arrives before the send's SENT (with the provider's id) is
 * committed is kept and applied by that commit, through the signed webhook and the ledger's own
 * state change, whichever of the two transactions comes first.
 */
class EarlyDeliveryReportsIT extends NotificationIT {

    private static final String STATUS = "/api/sms/status";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    PlatformTransactionManager transactions;

    private final HttpClient client = HttpClient.newHttpClient();

    private int report(String sid, String status) throws Exception {
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", status);
        return client.send(
                        InboundSms.post(port, STATUS, form, InboundSms.signature(SMS_TOKEN, port, STATUS, form)),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * A message being sent: QUEUED under a claim's lease (no worker takes it), its provider's
     * answer not written yet.
     */
    private UUID sending() {
        UUID clientId = InboundSms.recipient(jdbc, newNumber());
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at, next_attempt_at)"
                        + " VALUES (?, ?, 'CLIENT', 'HELP_REPLY', 'SMS', '+15550000000', 'x', 'QUEUED', ?, ?, now(),"
                        + " now(), now() + interval '10 minutes')",
                id,
                clientId,
                "test:" + id,
                UUID.randomUUID());
        return id;
    }

    private void sent(UUID id, String sid) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> ledger.moveTo(id, DeliveryStatus.SENT, null, sid, 1, Instant.now()));
    }

    private List<String> history(UUID id) {
        return jdbc.queryForList(
                "SELECT status FROM message_status_change WHERE message_id = ? ORDER BY id", String.class, id);
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aReportBeforeTheSendIsRecordedIsKeptAndAppliedWhenItIs() throws Exception {
        UUID id = sending();
        String sid = sid();
        assertThat(report(sid, "sent")).isEqualTo(204);
        assertThat(report(sid, "delivered")).isEqualTo(204);
        assertThat(report(sid, "delivered")).isEqualTo(204);

        sent(id, sid);

        assertThat(jdbc.queryForObject("SELECT status FROM message WHERE id = ?", String.class, id))
                .isEqualTo("DELIVERED");
        assertThat(history(id)).containsExactly("SENT", "DELIVERED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM early_delivery_report WHERE provider_message_id = ?", Long.class, sid))
                .isZero();
        // a replay after the send changes nothing more
        assertThat(report(sid, "delivered")).isEqualTo(204);
        assertThat(history(id)).containsExactly("SENT", "DELIVERED");
    }

    @Test
    void aReportArrivingWhileTheSendIsBeingRecordedWaitsForItAndIsApplied() throws Exception {
        UUID id = sending();
        String sid = sid();
        // two threads of its own: the common pool may have a single thread on a small machine, which
        // would run the report only after the send's transaction, proving nothing
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            reportWhileSending(id, sid, threads);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT status FROM message WHERE id = ?", String.class, id))
                .isEqualTo("UNDELIVERABLE");
        assertThat(history(id)).containsExactly("SENT", "UNDELIVERABLE");
    }

    private void reportWhileSending(UUID id, String sid, ExecutorService threads) throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(
                () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    ledger.moveTo(id, DeliveryStatus.SENT, null, sid, 1, Instant.now());
                    recorded.countDown();
                    try {
                        commit.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                threads);
        assertThat(recorded.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> reported = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return report(sid, "undelivered");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                threads);
        // the report waits for the send's transaction rather than being answered and lost
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !reported.isDone());
        assertThat(jdbc.queryForObject("SELECT status FROM message WHERE id = ?", String.class, id))
                .isEqualTo("QUEUED");
        commit.countDown();
        sending.get(20, TimeUnit.SECONDS);
        assertThat(reported.get(20, TimeUnit.SECONDS)).isEqualTo(204);
    }
}
