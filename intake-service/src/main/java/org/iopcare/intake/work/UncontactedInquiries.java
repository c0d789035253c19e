package org.iopcare.intake.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A NEW inquiry not contacted within {@code iopcare.intake.contact-within} business days becomes a
 * HIGH item in the intake coordinators' queue, due at that deadline. Leaving NEW (contacted,
 * closed, referred out) is its cause going away: {@link #leftNew} closes the item. Each inquiry
 * raises at most one item, however often the check runs and on however many instances.
 */
@Component
public class UncontactedInquiries {

    static final String KIND = "INQUIRY_NOT_CONTACTED";
    private static final Logger log = LoggerFactory.getLogger(UncontactedInquiries.class);
    private static final int BATCH = 500;

    private final WorkItems items;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IntakeWorkProperties properties;

    UncontactedInquiries(WorkItems items, JdbcTemplate jdbc, Clock clock, IntakeWorkProperties properties) {
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Raises the items of the inquiries past their deadline; returns how many. */
    @Scheduled(
            fixedDelayString =
                    "#{@'iopcare.intake-org.iopcare.intake.work.IntakeWorkProperties'.contactCheckInterval().toMillis()}")
    @Transactional
    public int check() {
        Instant now = clock.instant();
        // a business-day deadline is never earlier than the same number of calendar days
        Instant candidatesBefore = now.minus(java.time.Duration.ofDays(properties.contactWithin()));
        var overdue = jdbc.query(
                """
                SELECT i.id, i.client_id, i.received_at FROM inquiry i
                WHERE i.status = 'NEW' AND i.received_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM work_item w WHERE w.source_key = 'inquiry-not-contacted:' || i.id)
                ORDER BY i.received_at LIMIT ?
                """,
                (rs, n) -> new Candidate(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getTimestamp("received_at").toInstant()),
                Timestamp.from(candidatesBefore),
                BATCH);
        int raised = 0;
        for (Candidate inquiry : overdue) {
            Instant deadline = deadline(inquiry.receivedAt(), properties.contactWithin(), properties.clinicZone());
            if (!deadline.isAfter(now)) {
                items.raise(new NewWorkItem(
                        inquiry.clientId(),
                        KIND,
                        Priority.HIGH,
                        "NOT_CONTACTED_IN_TIME",
                        Owner.queue(StaffRole.INTAKE_COORDINATOR),
                        deadline,
                        key(inquiry.id())));
                raised++;
            }
        }
        if (raised > 0) {
            log.info("Raised {} work items for inquiries not contacted in time", raised);
        }
        return raised;
    }

    /** The inquiry left NEW: its item, if any, is done with the new status as outcome. */
    public void leftNew(UUID inquiryId, String status) {
        items.resolve(key(inquiryId), status);
    }

    /** {@code days} business days (Monday to Friday) after {@code at}, in the clinic's zone. */
    static Instant deadline(Instant at, int days, ZoneId zone) {
        ZonedDateTime time = at.atZone(zone);
        int left = days;
        while (left > 0) {
            time = time.plusDays(1);
            if (time.getDayOfWeek() != DayOfWeek.SATURDAY && time.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return time.toInstant();
    }

    static String key(UUID inquiryId) {
        return "inquiry-not-contacted:" + inquiryId;
    }

    private record Candidate(UUID id, UUID clientId, Instant receivedAt) {}
}
