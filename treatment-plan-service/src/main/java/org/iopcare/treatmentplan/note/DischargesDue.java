package org.iopcare.treatmentplan.note;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.DischargeReason;
import org.iopcare.treatmentplan.plan.ReviewSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Discharges dated ahead whose day has come (clinic time zone) take effect: the plan closes and
 * its discharge summary is drafted, as for a discharge effective at once. Checked every
 * {@code iopcare.plans.discharge-check-interval} (default 10 minutes), so a plan closes shortly
 * after the start of its discharge day, and a check missed (the service was down) is caught up by
 * the next. Safe with several instances: rows are taken with {@code FOR UPDATE SKIP LOCKED} and
 * deleted in the transaction that closes the plan.
 */
@Component
class DischargesDue {

    private static final Logger log = LoggerFactory.getLogger(DischargesDue.class);
    private static final int BATCH = 100;
    /** The bean of the plan settings, whose {@code discharge-check-interval} paces the check. */
    private static final String PLANS = "iopcare.plans-org.iopcare.treatmentplan.plan.PlanProperties";

    private final JdbcTemplate jdbc;
    private final DischargeSummaries summaries;
    private final TransactionTemplate transaction;
    private final ReviewSchedule schedule;
    private final Clock clock;

    DischargesDue(
            JdbcTemplate jdbc,
            DischargeSummaries summaries,
            PlatformTransactionManager transactions,
            ReviewSchedule schedule,
            Clock clock) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.transaction = new TransactionTemplate(transactions);
        this.schedule = schedule;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "#{@'" + PLANS + "'.dischargeCheckInterval().toMillis()}",
            initialDelayString = "#{@'" + PLANS + "'.dischargeCheckInterval().toMillis()}")
    void check() {
        int done = closeDue();
        if (done > 0) {
            log.info("{} discharges dated ahead took effect", done);
        }
    }

    /** Lets every discharge due today or earlier take effect; returns how many did. */
    int closeDue() {
        LocalDate today = LocalDate.now(clock.withZone(schedule.zone()));
        int done = 0;
        int batch;
        do {
            Integer taken = transaction.execute(status -> {
                List<ClientDischarged> due = jdbc.query(
                        "SELECT event_id, occurred_at, client_id, enrollment_id, effective_date, reason"
                                + " FROM plan_discharge_due WHERE effective_date <= ?"
                                + " ORDER BY effective_date, event_id LIMIT ? FOR UPDATE SKIP LOCKED",
                        (rs, n) -> new ClientDischarged(
                                rs.getObject("event_id", UUID.class),
                                rs.getTimestamp("occurred_at").toInstant(),
                                rs.getObject("client_id", UUID.class),
                                rs.getObject("enrollment_id", UUID.class),
                                rs.getObject("effective_date", LocalDate.class),
                                DischargeReason.valueOf(rs.getString("reason"))),
                        java.sql.Date.valueOf(today),
                        BATCH);
                for (ClientDischarged discharge : due) {
                    jdbc.update("DELETE FROM plan_discharge_due WHERE event_id = ?", discharge.eventId());
                    summaries.takeEffect(discharge);
                }
                return due.size();
            });
            batch = taken == null ? 0 : taken;
            done += batch;
        } while (batch == BATCH);
        return done;
    }
}
