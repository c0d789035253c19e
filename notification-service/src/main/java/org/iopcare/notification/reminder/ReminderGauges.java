package org.iopcare.notification.reminder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Operators' view of the reminder tasks: how many are due now and not picked, and how many of
 * those are late (due longer ago than a poll interval plus a minute: the scheduler is not keeping
 * up, or no instance runs it). Read from the database on each scrape.
 */
@Component
class ReminderGauges {

    ReminderGauges(MeterRegistry meters, JdbcTemplate jdbc, Clock clock, ReminderProperties properties) {
        Duration lateAfter = properties.pollInterval().plusMinutes(1);
        Gauge.builder("iopcare.notification.reminders.due", () -> count(jdbc, Instant.now(clock)))
                .description("reminder and welcome tasks due and not yet picked")
                .register(meters);
        Gauge.builder(
                        "iopcare.notification.reminders.late",
                        () -> count(jdbc, Instant.now(clock).minus(lateAfter)))
                .description("reminder and welcome tasks due for longer than a poll interval plus a minute")
                .register(meters);
    }

    private static double count(JdbcTemplate jdbc, Instant dueBefore) {
        try {
            Integer due = jdbc.queryForObject(
                    "SELECT count(*) FROM scheduled_tasks WHERE NOT picked AND execution_time <= ?",
                    Integer.class,
                    Timestamp.from(dueBefore));
            return due == null ? 0 : due;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
