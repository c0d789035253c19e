package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatch proof: notification-service, as a real process on a real Kafka broker and a real
 * PostgreSQL, acknowledges inquiries by SMS through a provider that answers slowly, times out,
 * breaks connections and fails with 503 at random ({@link FlakySmsProvider}, in this JVM, so it
 * outlives the service), and is killed with SIGKILL under that load and restarted. Afterwards no
 * message reached the provider twice (counted there by the idempotency key the dispatcher sends,
 * and by recipient), and none is lost: every one is SENT or DELIVERED and at the provider with the
 * id notification recorded, or FAILED / UNDELIVERABLE with a reason and not at the provider; those
 * that were UNKNOWN on the way were settled by the reconciliation.
 *
 * <p>The default build runs a smoke size (300 messages, one kill);
 * {@code -Diopcare.proof.dispatch.messages=10000 -Diopcare.proof.dispatch.kills=5} the full proof
 * (deploy/local/README.md).
 */
class DispatchCrashIT {

    private static final String TOPIC = "inquiry-received";
    private static final String ACCOUNT = "ACdispatchproof";
    /** One number in a hundred is refused by the provider as invalid: those end UNDELIVERABLE. */
    private static final int REFUSED_EVERY = 100;

    private static final Set<String> SENT = Set.of("SENT", "DELIVERED");
    private static final Set<String> FAILED = Set.of("FAILED", "UNDELIVERABLE");

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private RunningPlatform platform;
    private FlakySmsProvider provider;

    @Test
    void noMessageIsSentTwiceOrLostThoughTheProviderMisbehavesAndNotificationIsKilled() throws Exception {
        int messages = Integer.getInteger("iopcare.proof.dispatch.messages", 300);
        int kills = Integer.getInteger("iopcare.proof.dispatch.kills", 1);
        long seed = Long.getLong("iopcare.proof.seed", System.nanoTime());
        Random random = new Random(seed);
        String token = UUID.randomUUID().toString();
        FlakySmsProvider.Faults faults = new FlakySmsProvider.Faults(
                0.08, // 503
                0.02, // connection closed before the message is taken
                0.02, // taken, then the connection closes mid-answer
                0.02, // taken, answered after the read timeout
                0.10, // taken, answered slowly within the read timeout
                Duration.ofSeconds(5),
                Duration.ofMillis(1500),
                Duration.ofMillis(100));
        provider = new FlakySmsProvider(ACCOUNT, token, faults, seed);
        ServiceSpec notification = ServiceSpec.NOTIFICATION
                .withPort(TestPorts.reserve())
                .withEnvironment(notificationSettings(provider.baseUrl(), token, TestPorts.reserve()));
        platform = LocalPlatform.start(TestPlatforms.infrastructure(dataDir, console)
                .services(List.of(notification))
                .classDataSharing(false)
                .build());
        MessageLedger ledger = new MessageLedger(platform);

        long start = System.nanoTime();
        Map<String, String> phones = publishInquiries(messages);
        List<Double> restartSeconds = new ArrayList<>();
        // One kill at a random moment of each of `kills` equal slices of the messages the provider
        // takes, the last slice without one: sends, answers and claims are cut off under load.
        long slice = messages / (kills + 1);
        for (int i = 0; i < kills; i++) {
            long killAt = i * slice + slice / 4 + random.nextInt((int) Math.max(1, slice * 3 / 4));
            Awaitility.await()
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> provider.taken() >= killAt);
            long pid = platform.kill(notification);
            long takenAtKill = provider.taken();
            double restart = platform.restart(notification).toMillis() / 1000.0;
            restartSeconds.add(restart);
            System.out.printf(
                    "kill %d of notification (pid %d) after %d messages taken by the provider; ready again in %.1f s%n",
                    i + 1, pid, takenAtKill, restart);
        }

        // Settled: every inquiry has its message and none is waiting or UNKNOWN any more.
        Map<String, Long> lastStatuses = new LinkedHashMap<>();
        try {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(Math.max(3, messages / 1000)))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Map<String, Long> statuses = ledger.statuses();
                        lastStatuses.clear();
                        lastStatuses.putAll(statuses);
                        long total = statuses.values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        return total >= messages
                                && statuses.getOrDefault("QUEUED", 0L) == 0
                                && statuses.getOrDefault("HELD", 0L) == 0
                                && statuses.getOrDefault("UNKNOWN", 0L) == 0;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[proof] dispatch: not settled in time; states " + lastStatuses);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        List<MessageLedger.Sms> recorded = ledger.messages();
        Map<String, List<FlakySmsProvider.Taken>> atProvider = provider.byKey();
        long sent = 0;
        long failed = 0;
        long failedWithoutReason = 0;
        long unknownReconciled = 0;
        long unknownRequeued = 0;
        Map<String, Long> finalStates = new java.util.TreeMap<>();
        long unknownLeft = 0;
        long waiting = 0;
        long otherwise = 0;
        long sentButNotAtProvider = 0;
        long failedButAtProvider = 0;
        long idMismatch = 0;
        Set<String> messageIds = new HashSet<>();
        Set<String> destinations = new HashSet<>();
        for (MessageLedger.Sms sms : recorded) {
            messageIds.add(sms.id());
            destinations.add(sms.destination());
            List<FlakySmsProvider.Taken> copies = atProvider.getOrDefault(sms.id(), List.of());
            if (SENT.contains(sms.status())) {
                sent++;
                if (copies.isEmpty()) {
                    sentButNotAtProvider++;
                } else if (copies.stream().noneMatch(copy -> copy.sid().equals(sms.providerId()))) {
                    idMismatch++;
                }
            } else if (FAILED.contains(sms.status())) {
                failed++;
                if (sms.detail() == null || sms.detail().isBlank()) {
                    failedWithoutReason++;
                }
                if (!copies.isEmpty()) {
                    failedButAtProvider++;
                }
            } else if (sms.status().equals("UNKNOWN")) {
                unknownLeft++;
            } else if (sms.status().equals("QUEUED") || sms.status().equals("HELD")) {
                waiting++;
            } else {
                otherwise++;
            }
            if (sms.wasUnknown() && !sms.status().equals("UNKNOWN")) {
                unknownReconciled++;
            }
            if (sms.requeued()) {
                unknownRequeued++;
            }
            finalStates.merge(sms.status(), 1L, Long::sum);
        }
        long sentTwice =
                atProvider.values().stream().filter(copies -> copies.size() > 1).count();
        long extraCopies = atProvider.values().stream()
                .mapToLong(copies -> copies.size() - 1)
                .sum();
        long twiceToOneNumber =
                provider.perRecipient().values().stream().filter(n -> n > 1).count();
        long unknownKeys = atProvider.keySet().stream()
                .filter(key -> !messageIds.contains(key))
                .count();
        long inquiriesWithoutMessage = phones.values().stream()
                .filter(phone -> !destinations.contains(phone))
                .count();
        long lost = inquiriesWithoutMessage
                + unknownLeft
                + waiting
                + otherwise
                + sentButNotAtProvider
                + failedWithoutReason;

        print(
                "messages %d (inquiries published %d, one acknowledgement SMS each; %d to numbers the provider refuses)",
                recorded.size(),
                messages,
                phones.values().stream()
                        .filter(p -> p.startsWith(FlakySmsProvider.REFUSED_PREFIX))
                        .count());
        print(
                "kills %d (kill -9 under load; restart until ready avg %.1f s, max %.1f s)",
                restartSeconds.size(),
                restartSeconds.stream().mapToDouble(d -> d).average().orElse(0),
                restartSeconds.stream().mapToDouble(d -> d).max().orElse(0));
        print(
                "provider: %d send requests, %d taken; faults 503 %d, closed before taking %d, closed after taking %d,"
                        + " answered after the read timeout %d, slow %d, refused numbers %d; lookups %d, lists %d",
                provider.requests(),
                provider.taken(),
                provider.count("error"),
                provider.count("reset-before"),
                provider.count("reset-after"),
                provider.count("timeout"),
                provider.count("slow"),
                provider.count("refused"),
                provider.count("lookup"),
                provider.count("list"));
        print(
                "sent %d (SENT/DELIVERED), failed %d (FAILED/UNDELIVERABLE, %d without a reason), unknown->reconciled %d"
                        + " (%d of them absent at the provider and sent again), still UNKNOWN %d, still waiting %d,"
                        + " other states %d; final states %s",
                sent,
                failed,
                failedWithoutReason,
                unknownReconciled,
                unknownRequeued,
                unknownLeft,
                waiting,
                otherwise,
                finalStates);
        print(
                "duplicates: messages taken twice by the provider %d (%d extra copies), numbers that got two %d,"
                        + " keys the provider got that are no message %d",
                sentTwice, extraCopies, twiceToOneNumber, unknownKeys);
        print(
                "lost %d (inquiries without a message %d; sent but not at the provider %d); failed but at the provider %d;"
                        + " provider id differs %d",
                lost, inquiriesWithoutMessage, sentButNotAtProvider, failedButAtProvider, idMismatch);
        print("total run time %.0f s (load, kills and settling; JDK %s, seed %d)", seconds, Runtime.version(), seed);

        assertThat(restartSeconds).hasSize(kills);
        assertThat(recorded).as("acknowledgement SMS").hasSize(messages);
        assertThat(sentTwice).as("messages the provider took twice").isZero();
        assertThat(twiceToOneNumber).as("numbers that got two messages").isZero();
        assertThat(unknownKeys)
                .as("provider messages with a key that is no message")
                .isZero();
        assertThat(lost).as("messages lost").isZero();
        assertThat(failedButAtProvider)
                .as("messages FAILED although the provider has them")
                .isZero();
        assertThat(idMismatch)
                .as("messages whose provider id is not the provider's")
                .isZero();
        assertThat(sent + failed).isEqualTo(messages);
        assertThat(provider.count("error") + provider.count("reset-before") + provider.count("reset-after"))
                .as("faults the provider played")
                .isPositive();
    }

    /**
     * The provider's address and credentials, and timings short enough for a test: a read timeout
     * the slow answers stay within and the late ones do not, a claim lease longer than a send can
     * take, a reconciliation that asks the provider soon and often, and a retry budget small enough
     * that some messages end FAILED.
     */
    private static Map<String, String> notificationSettings(String providerUrl, String token, int smtpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IOPCARE_NOTIFICATION_SMS_BASE_URL", providerUrl);
        env.put("IOPCARE_NOTIFICATION_SMS_ACCOUNT_SID", ACCOUNT);
        env.put("IOPCARE_NOTIFICATION_SMS_AUTH_TOKEN", token);
        // no delivery reports: the provider here answers the calls only
        env.put("IOPCARE_NOTIFICATION_SMS_STATUS_CALLBACK_URL", "");
        env.put("IOPCARE_NOTIFICATION_SMS_CONNECT_TIMEOUT", "1s");
        env.put("IOPCARE_NOTIFICATION_SMS_READ_TIMEOUT", "3s");
        env.put("IOPCARE_NOTIFICATION_DELIVERY_CLAIM_LEASE", "6s");
        env.put("IOPCARE_NOTIFICATION_DELIVERY_POLL_INTERVAL", "200ms");
        env.put("IOPCARE_NOTIFICATION_DELIVERY_MAX_ATTEMPTS", "3");
        env.put("IOPCARE_NOTIFICATION_DELIVERY_INITIAL_BACKOFF", "500ms");
        env.put("IOPCARE_NOTIFICATION_DELIVERY_MAX_BACKOFF", "5s");
        env.put("IOPCARE_NOTIFICATION_RECONCILIATION_INTERVAL", "1s");
        env.put("IOPCARE_NOTIFICATION_RECONCILIATION_AFTER", "2s");
        env.put("IOPCARE_NOTIFICATION_RECONCILIATION_ABSENT_FOR", "8s");
        env.put("IOPCARE_NOTIFICATION_REMINDERS_POLL_INTERVAL", "PT1S");
        env.put("IOPCARE_NOTIFICATION_SANDBOX_SMTP_PORT", Integer.toString(smtpPort));
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        return env;
    }

    /**
     * Publishes {@code count} inquiry-received events as intake's outbox relay does (CloudEvents
     * headers, the client id as key), each with its own mobile number and SMS as the channel;
     * returns the number per client id.
     */
    private Map<String, String> publishInquiries(int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Map<String, String> phones = new LinkedHashMap<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < count; i++) {
                String eventId = UUID.randomUUID().toString();
                String clientId = UUID.randomUUID().toString();
                String phone = (i % REFUSED_EVERY == REFUSED_EVERY - 1 ? FlakySmsProvider.REFUSED_PREFIX : "+1617")
                        + String.format("%07d", i);
                Instant now = Instant.now();
                String payload = "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + now + "\",\"clientId\":\""
                        + clientId + "\",\"inquiryId\":\"" + UUID.randomUUID() + "\",\"preferredName\":\"Sam\","
                        + "\"phone\":\"" + phone + "\",\"email\":null,\"preferredChannel\":\"SMS\","
                        + "\"contactConsent\":true,\"duplicateOf\":null}";
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, clientId, payload);
                header(record, "ce_id", eventId);
                header(record, "ce_type", "org.iopcare.intake.inquiry-received.v1");
                header(record, "ce_source", "/iopcare/intake");
                header(record, "ce_time", now.toString());
                header(record, "ce_subject", clientId);
                header(record, "ce_specversion", "1.0");
                header(record, "content-type", "application/json");
                sends.add(producer.send(record));
                phones.put(clientId, phone);
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        }
        return phones;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the platform and the provider, keeps the logs and checks that no process of the run is left. */
    @AfterEach
    void stopAndKeepLogs() {
        Map<String, Long> pids = platform == null ? Map.of() : platform.pids();
        if (platform != null) {
            platform.stop();
        }
        if (provider != null) {
            provider.close();
        }
        TestPlatforms.keepLogs(dataDir, getClass().getSimpleName());
        System.out.println(console);
        if (platform != null) {
            assertThat(pids).containsKeys("kafka", "postgres", "notification-service");
            TestPlatforms.assertAllGone(pids, dataDir);
        }
    }

    private static void print(String format, Object... args) {
        System.out.println("[proof] dispatch: " + String.format(format, args));
    }
}
