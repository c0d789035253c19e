package org.iopcare.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.messaging.ProcessedEventRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency claims older than the retention (14 days by default) are purged; younger ones stay. */
class ProcessedEventRetentionIT extends IntakeIT {

    @Autowired
    ProcessedEventRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void claimsOlderThanTheRetentionArePurgedAndYoungerOnesKept() {
        UUID old = UUID.randomUUID();
        UUID nearlyOld = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        claim(old, "15 days");
        claim(nearlyOld, "13 days");
        claim(fresh, "1 minute");

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(claimed(old)).isFalse();
        assertThat(claimed(nearlyOld)).isTrue();
        assertThat(claimed(fresh)).isTrue();
        assertThat(retention.purge()).isZero();
        assertThat(retention.isRunning()).isTrue();
    }

    private void claim(UUID eventId, String age) {
        jdbc.update(
                "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('test:retention', ?, now() - ?::interval)",
                eventId,
                age);
    }

    private boolean claimed(UUID eventId) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'test:retention' AND event_id = ?",
                        Long.class,
                        eventId)
                == 1;
    }
}
