package org.iopcare.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The outbox relay's drain rate: {@code events} rows committed to one service's {@code
 * outbox_event} in a single transaction (COPY), addressed to a scratch topic no service consumes,
 * then timed until the running service's relay has published and deleted every one. The scratch
 * topic is then read back ({@link TopicAudit}) for lost, duplicated and reordered events.
 */
final class RelayDrain {

    /** What one drain measured and what the topic held afterwards. */
    record Result(int events, double seconds, TopicAudit.Findings audit) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final Platform platform;
    private final ScratchTopics topics;
    private final String schema;
    private final int events;
    private final int keys;

    RelayDrain(Platform platform, ScratchTopics topics, String schema, int events, int keys) {
        this.platform = platform;
        this.topics = topics;
        this.schema = schema;
        this.events = events;
        this.keys = keys;
    }

    Result run() throws Exception {
        String topic = topics.create("bench-relay");
        UUID[] keyIds = new UUID[keys];
        for (int k = 0; k < keys; k++) {
            keyIds[k] = UUID.randomUUID();
        }
        long committed;
        try (Connection connection = platform.connect()) {
            connection.setAutoCommit(false);
            copyRows(connection, topic, keyIds);
            connection.commit();
            committed = System.nanoTime();
            connection.setAutoCommit(true);
            awaitEmpty(connection, topic);
        }
        double seconds = (System.nanoTime() - committed) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  relay drain: %,d events from %s.outbox_event published in %.1f s%n",
                events,
                schema,
                seconds);
        TopicAudit.Findings audit = new TopicAudit(platform.kafkaBootstrap(), topic).read(events);
        return new Result(events, seconds, audit);
    }

    private void copyRows(Connection connection, String topic, UUID[] keyIds) throws Exception {
        StringBuilder rows = new StringBuilder(events * 200);
        int[] next = new int[keyIds.length];
        String now = Instant.now().toString();
        for (int i = 0; i < events; i++) {
            int k = i % keyIds.length;
            int seq = next[k]++;
            // tab-separated COPY text; the payload is JSON without tabs, backslashes or newlines
            rows.append(UUID.randomUUID())
                    .append('\t')
                    .append(topic)
                    .append('\t')
                    .append(keyIds[k])
                    .append('\t')
                    .append("org.iopcare.bench.relay-drain.v1\t/iopcare/bench\t")
                    .append(now)
                    .append('\t')
                    .append(TopicAudit.payload(keyIds[k].toString(), seq))
                    .append('\n');
        }
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "COPY " + schema + ".outbox_event (event_id, topic, event_key, ce_type, ce_source, occurred_at,"
                                + " payload) FROM STDIN",
                        new StringReader(rows.toString()));
    }

    private void awaitEmpty(Connection connection, String topic) throws Exception {
        long deadline = System.nanoTime() + Math.max(120, events / 100) * 1_000_000_000L;
        try (PreparedStatement pending =
                connection.prepareStatement("SELECT count(*) FROM " + schema + ".outbox_event WHERE topic = ?")) {
            pending.setString(1, topic);
            while (true) {
                try (ResultSet result = pending.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The relay of " + schema + " did not drain " + events
                            + " events in time: is the service running?");
                }
                Thread.sleep(20);
            }
        }
    }
}
