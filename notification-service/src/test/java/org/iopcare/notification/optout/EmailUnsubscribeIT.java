package org.iopcare.notification.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ConsentChangeSource;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.ContactConsentChanged;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionScheduled;
import org.iopcare.events.Topics;
import org.iopcare.notification.NotificationIT;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RFC 8058 on the real SMTP server: a client email carries the signed one-click link, the
 * provider's POST to it unsubscribes the client from email, a tampered link changes nothing.
 */
class EmailUnsubscribeIT extends NotificationIT {

    private static final String ZONE = "America/New_York";

    @Autowired
    JdbcTemplate jdbc;

    private static SessionScheduled session(UUID client, Duration from) {
        Instant start = Instant.now().plus(from);
        return new SessionScheduled(
                UUID.randomUUID(),
                Instant.now(),
                client,
                UUID.randomUUID(),
                SessionKind.GROUP,
                start,
                start.plus(Duration.ofHours(3)),
                ZONE,
                SessionModality.IN_PERSON);
    }

    private Response post(String pathAndQuery) {
        return http.exchange(
                HttpMethod.POST,
                pathAndQuery,
                null,
                MediaType.APPLICATION_FORM_URLENCODED,
                "List-Unsubscribe=One-Click");
    }

    private Object optedOutAt(UUID client) {
        return jdbc.queryForObject(
                "SELECT email_opted_out_at FROM recipient WHERE client_id = ?", Object.class, client);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOneClickPostToTheSignedLinkUnsubscribesAndATamperedOneChangesNothing() {
        UUID client = UUID.randomUUID();
        String email = "u" + client + "@example.org";
        TestKafka.publish(new ClientEnrolled(
                UUID.randomUUID(),
                Instant.now(),
                client,
                UUID.randomUUID(),
                "MH-IOP-AM",
                LocalDate.now(),
                "clinician-1",
                AgeGroup.ADULT,
                ZONE,
                "Robin",
                newNumber(),
                email,
                true,
                true));
        TestKafka.publish(session(client, Duration.ofMinutes(30)));

        MimeMessage received = await().atMost(Duration.ofSeconds(30))
                .until(() -> emails(email).stream().findFirst().orElse(null), m -> m != null);
        assertThat(header(received, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String link = header(received, "List-Unsubscribe");
        assertThat(link).startsWith("<http").contains("/api/email/unsubscribe?client=" + client);
        String pathAndQuery = link.substring(link.indexOf("/api/"), link.indexOf('>'));

        String last = pathAndQuery.substring(pathAndQuery.length() - 1);
        Response tampered = post(pathAndQuery.substring(0, pathAndQuery.length() - 1) + (last.equals("A") ? "B" : "A"));
        TestHttp.assertProblem(tampered, 403);
        TestHttp.assertProblem(
                post(pathAndQuery.replace(client.toString(), UUID.randomUUID().toString())), 403);
        TestHttp.assertProblem(post("/api/email/unsubscribe?client=nope&signature=x"), 400);
        assertThat(optedOutAt(client)).isNull();

        try (KafkaConsumer<byte[], byte[]> consents = TestKafka.reader(Topics.CONTACT_CONSENT_CHANGED)) {
            assertThat(post(pathAndQuery).status()).isEqualTo(200);
            Object at = optedOutAt(client);
            assertThat(at).isNotNull();
            assertThat(post(pathAndQuery).status()).isEqualTo(200);
            assertThat(optedOutAt(client)).isEqualTo(at);
            // published once for intake's consent record, without the address
            List<ContactConsentChanged> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        for (ConsumerRecord<byte[], byte[]> r : TestKafka.poll(consents)) {
                            if (new String(r.key(), StandardCharsets.UTF_8).equals(client.toString())) {
                                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                        .doesNotContain(email);
                                published.add(TestKafka.read(r, ContactConsentChanged.class));
                            }
                        }
                        assertThat(published).hasSize(1);
                    });
            assertThat(published.get(0).channel()).isEqualTo(ContactChannel.EMAIL);
            assertThat(published.get(0).optedIn()).isFalse();
            assertThat(published.get(0).source()).isEqualTo(ConsentChangeSource.EMAIL_UNSUBSCRIBE);
        }

        // an email already queued is not sent any more: the dispatcher reads the opt-out before each send
        UUID queued = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at)"
                        + " VALUES (?, ?, 'CLIENT', 'PLAN_REVIEW_NOTICE', 'EMAIL', ?, 'x', 'QUEUED', ?, ?, now(), now())",
                queued,
                client,
                email,
                "test:" + queued,
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT status || ':' || coalesce(status_detail, '') FROM message WHERE id = ?",
                                String.class,
                                queued)
                        .equals("SUPPRESSED:unsubscribed from email"));
    }
}
