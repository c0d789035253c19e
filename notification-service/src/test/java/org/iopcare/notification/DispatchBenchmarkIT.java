package org.iopcare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Measures the dispatcher against the local run's sandboxes (profile {@code local}: the SMS
 * provider over real HTTP with its latency, the in-process SMTP server): N due session reminders,
 * SMS and email mixed, written straight into the table, sent until none is left. Prints
 * messages a second beside the raw sandbox round trip at the same concurrency, measured in the same
 * run; asserts every message ends in a final state and none reached a provider twice (counted at the
 * sandbox by idempotency key, at the SMTP server by Message-ID), no timing. 1,000 messages by
 * default; {@code -Diopcare.bench.messages=100000} for the full run. The chaos run sends through a
 * provider that answers late, fails with 503 and breaks connections at random.
 */
@ActiveProfiles("local")
@ContextConfiguration(initializers = DispatchBenchmarkIT.BenchSettings.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchBenchmarkIT extends NotificationIT {

    static final int MESSAGES = Integer.getInteger("iopcare.bench.messages", 1_000);
    static final int CHAOS_MESSAGES = Integer.getInteger("iopcare.bench.chaos-messages", 600);
    private static final int SERVER_PORT = TestPorts.reserve();
    private static final int SMTP_PORT = TestPorts.reserve();
    private static final List<String> FINAL = List.of("SENT", "DELIVERED", "FAILED", "UNDELIVERABLE", "UNKNOWN");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail localSmtp;

    @Value("${iopcare.notification.delivery.concurrency}")
    int concurrency;

    static class BenchSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> settings = new HashMap<>(LocalSandboxIT.sandboxSettings(
                    "notification_bench", SERVER_PORT, SMTP_PORT, "notification-service-bench-it"));
            // a dispatch benchmark: the provider's delivery reports are another path, measured elsewhere
            settings.put("iopcare.notification.sms.status-callback-url", "");
            settings.put("iopcare.notification.sms.read-timeout", "3s");
            settings.put("iopcare.notification.sandbox.sms-faults.slow-by", "4s");
            settings.put("iopcare.notification.sandbox.keep", 100_000);
            // the local profile's dispatcher (application-local.yaml), not the shared test context's
            settings.put("iopcare.notification.delivery.workers", 2);
            settings.put("iopcare.notification.delivery.concurrency", 128);
            settings.put("iopcare.notification.delivery.max-attempts", 6);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dispatch bench", settings));
        }
    }

    @Test
    @Order(1)
    void dueRemindersGoOutConcurrentlyOnceEach() throws Exception {
        double baseline = rawSandboxRoundTrips(Math.min(MESSAGES, 2_000));
        String run = "bench-" + System.nanoTime();
        long started = System.nanoTime();
        queue(run, MESSAGES);
        long queuedNanos = System.nanoTime() - started;
        awaitNoneOutstanding(run, Duration.ofSeconds(Math.max(60, MESSAGES / 100)));
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(
                "[bench] dispatch: %,d reminders (SMS and email) in %.1f s = %,.0f messages/s;"
                        + " concurrency %d, sandbox SMS latency 40 ms, JDK %s, %d cores seen%n",
                MESSAGES,
                seconds,
                MESSAGES / seconds,
                concurrency,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "[bench] baseline: raw sandbox SMS round trips at the same concurrency: %,.0f requests/s;"
                        + " queuing the %,d rows: %d ms%n",
                baseline, MESSAGES, queuedNanos / 1_000_000);
        assertOnceEachAndFinal(run, MESSAGES);
    }

    @Test
    @Order(2)
    void aFlakyProviderLosesNothingAndSendsNothingTwice() {
        setFaults("{\"slow\":0.03,\"slowBy\":\"PT4S\",\"error\":0.05,\"reset\":0.03}");
        try {
            String run = "chaos-" + System.nanoTime();
            long started = System.nanoTime();
            queue(run, CHAOS_MESSAGES);
            awaitNoneOutstanding(run, Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "[chaos] %,d reminders through a provider answering late 3 %%, 503 5 %%, breaking 3 %%:"
                            + " settled in %.1f s%n",
                    CHAOS_MESSAGES, seconds);
            assertOnceEachAndFinal(run, CHAOS_MESSAGES);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM message WHERE body LIKE ? AND status = 'FAILED'"
                                    + " AND status_detail IS NULL",
                            Long.class,
                            run + "%"))
                    .as("every failure says why")
                    .isZero();
        } finally {
            setFaults("{\"slow\":0,\"slowBy\":\"PT4S\",\"error\":0,\"reset\":0}");
        }
    }

    /** Half SMS, half email, each to its own consenting client, due now; one statement each. */
    private void queue(String run, int count) {
        jdbc.update("""
                INSERT INTO recipient (client_id, contact_consent, sms_consent, email_consent, updated_at)
                SELECT md5(? || i)::uuid, true, true, true, now() FROM generate_series(1, ?) AS i
                """, run, count);
        jdbc.update("""
                INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,
                                     idempotency_key, source_event_id, created_at, status_changed_at)
                SELECT gen_random_uuid(), md5(? || i)::uuid, 'CLIENT', 'SESSION_REMINDER',
                       CASE WHEN i % 2 = 0 THEN 'SMS' ELSE 'EMAIL' END,
                       CASE WHEN i % 2 = 0 THEN '+1' || (2000000000 + i)::text ELSE ? || '-' || i || '@example.org' END,
                       ? || ' reminder ' || i || ': your session is tomorrow at 6:00 PM.',
                       'QUEUED', ? || ':' || i, gen_random_uuid(), now(), now()
                FROM generate_series(1, ?) AS i
                """, run, run, run, run, count);
    }

    /** Until no message is waiting to be sent or reconciled (an UNKNOWN email stays so for staff). */
    private void awaitNoneOutstanding(String run, Duration atMost) {
        try {
            await().atMost(atMost)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT count(*) FROM message WHERE body LIKE ?"
                                            + " AND (status = 'QUEUED' OR status = 'UNKNOWN' AND channel = 'SMS')",
                                    Long.class,
                                    run + "%")
                            == 0);
        } finally {
            System.out.println("[bench] states: " + states(run));
        }
    }

    private List<Map<String, Object>> states(String run) {
        return jdbc.queryForList(
                "SELECT channel, status, status_detail, count(*) FROM message WHERE body LIKE ?"
                        + " GROUP BY channel, status, status_detail",
                run + "%");
    }

    private void assertOnceEachAndFinal(String run, int count) {
        Map<String, Object> statuses = new HashMap<>();
        jdbc.query(
                "SELECT status, count(*) AS n FROM message WHERE body LIKE ? GROUP BY status",
                rs -> {
                    statuses.put(rs.getString("status"), rs.getLong("n"));
                },
                run + "%");
        assertThat(FINAL).containsAll(statuses.keySet());
        assertThat(statuses.values().stream().mapToLong(n -> (Long) n).sum()).isEqualTo(count);
        long repeated = http.get("/sandbox/sms/provider/counts", null)
                .json()
                .get("repeatedKeys")
                .asLong();
        assertThat(repeated).as("SMS that reached the provider twice").isZero();
        List<String> ids = emailIds(run);
        assertThat(ids).as("emails that reached the SMTP server twice").doesNotHaveDuplicates();
        // an email the server did not answer in time is UNKNOWN (for staff), never sent again
        assertThat(ids)
                .hasSize(jdbc.queryForObject(
                                "SELECT count(*) FROM message WHERE body LIKE ? AND channel = 'EMAIL' AND status = 'SENT'",
                                Long.class,
                                run + "%")
                        .intValue());
    }

    /** The Message-IDs of this run's emails at the local SMTP server. */
    private List<String> emailIds(String run) {
        List<String> ids = new java.util.ArrayList<>();
        for (MimeMessage mail : localSmtp.getReceivedMessages()) {
            try {
                if (mail.getAllRecipients()[0].toString().startsWith(run + "-")) {
                    ids.add(mail.getMessageID());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private void setFaults(String json) {
        assertThat(http.exchange(
                                org.springframework.http.HttpMethod.PUT,
                                "/sandbox/sms/provider/faults",
                                null,
                                org.springframework.http.MediaType.APPLICATION_JSON,
                                json)
                        .status())
                .isEqualTo(200);
    }

    /**
     * What the sandbox provider alone can take: the same request the dispatcher makes, from as
     * many threads as the dispatcher's send pool, with no database in between.
     */
    private double rawSandboxRoundTrips(int requests) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic "
                + Base64.getEncoder().encodeToString("ACsandbox:sandbox-token".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + SERVER_PORT
                        + "/sandbox/sms/provider/2010-04-01/Accounts/ACsandbox/Messages.json"))
                .header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B15550000000&From=%2B15550100199&Body=baseline"))
                .build();
        AtomicInteger left = new AtomicInteger(requests);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                done.add(threads.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        HttpResponse<Void> answer = client.send(request, HttpResponse.BodyHandlers.discarding());
                        assertThat(answer.statusCode()).isEqualTo(201);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        return requests / ((System.nanoTime() - started) / 1e9);
    }
}
