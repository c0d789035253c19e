package org.iopcare.notification.optout;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.ConsentChangeSource;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.ContactConsentChanged;
import org.iopcare.notification.recipient.ClientLock;
import org.iopcare.support.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's email unsubscribe: recorded on the recipient and published for intake's consent
 * record ({@code contact-consent-changed}, no address in it) in one transaction; again changes and
 * publishes nothing.
 */
@Service
class EmailOptOuts {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final ClientLock clientLock;

    EmailOptOuts(JdbcTemplate jdbc, Outbox outbox, Clock clock, ClientLock clientLock) {
        this.clientLock = clientLock;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void unsubscribe(UUID clientId) {
        // as every writer of a recipient: a client-updated handled meanwhile saves the whole
        // recipient it read and would otherwise put the address back in
        clientLock.lock(clientId);
        Instant now = Instant.now(clock);
        int changed = jdbc.update(
                "UPDATE recipient SET email_opted_out_at = ? WHERE client_id = ? AND email_opted_out_at IS NULL",
                Timestamp.from(now),
                clientId);
        if (changed == 1) {
            UUID eventId = UUID.nameUUIDFromBytes(
                    ("email-unsubscribe:" + clientId + ":" + now).getBytes(StandardCharsets.UTF_8));
            outbox.append(new ContactConsentChanged(
                    eventId, now, clientId, ContactChannel.EMAIL, false, ConsentChangeSource.EMAIL_UNSUBSCRIBE));
        }
    }
}
