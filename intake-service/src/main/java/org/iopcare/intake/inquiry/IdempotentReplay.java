package org.iopcare.intake.inquiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored first answer per {@code Idempotency-Key}. Only a keyed fingerprint of the form is kept
 * ({@link FormFingerprint}), so the key table holds no contact details and reveals none.
 */
@Component
class IdempotentReplay {

    private final JdbcTemplate jdbc;

    IdempotentReplay(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first receipt for this key, if it has not expired; 422 when the key came with another form. */
    Optional<InquiryReceipt> find(String key, String hash, Instant now) {
        List<InquiryReceipt> found = jdbc.query(
                "SELECT request_hash, inquiry_id, status, received_at FROM idempotency_key"
                        + " WHERE idem_key = ? AND expires_at > ?",
                (rs, row) -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw ProblemException.unprocessable(
                                "idempotency-key-reused",
                                "This Idempotency-Key was already used with a different request body");
                    }
                    return new InquiryReceipt(
                            rs.getObject("inquiry_id", UUID.class),
                            InquiryStatus.valueOf(rs.getString("status")),
                            rs.getTimestamp("received_at").toInstant());
                },
                key,
                Timestamp.from(now));
        return found.stream().findFirst();
    }

    void remember(String key, String hash, InquiryReceipt receipt, Instant expiresAt) {
        // An expired row with the same key gives way to the new one.
        jdbc.update("DELETE FROM idempotency_key WHERE idem_key = ? AND expires_at <= now()", key);
        jdbc.update(
                "INSERT INTO idempotency_key (idem_key, request_hash, inquiry_id, status, received_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                key,
                hash,
                receipt.id(),
                receipt.status().name(),
                Timestamp.from(receipt.receivedAt()),
                Timestamp.from(expiresAt));
    }

    int purgeExpired(Instant now) {
        return jdbc.update("DELETE FROM idempotency_key WHERE expires_at <= ?", Timestamp.from(now));
    }
}
