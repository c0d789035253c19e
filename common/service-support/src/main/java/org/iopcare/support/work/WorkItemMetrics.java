package org.iopcare.support.work;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gauges of the worklist, refreshed by the escalation job rather than on every scrape: open items by
 * kind and priority (codes only, never a client), items nobody acknowledged past their due time by
 * priority, and the age of the oldest open URGENT item.
 */
public class WorkItemMetrics {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private final AtomicLong oldestUrgentSeconds = new AtomicLong();

    public WorkItemMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.open = MultiGauge.builder("iopcare.work.open")
                .description("Work items OPEN or ACKNOWLEDGED, by kind and priority")
                .register(meters);
        this.overdue = MultiGauge.builder("iopcare.work.overdue")
                .description("Work items still OPEN (nobody acknowledged them) past their due time, by priority")
                .register(meters);
        Gauge.builder("iopcare.work.urgent.oldest.age", oldestUrgentSeconds, AtomicLong::get)
                .description("Age of the oldest OPEN or ACKNOWLEDGED URGENT work item")
                .baseUnit("seconds")
                .register(meters);
    }

    public void refresh() {
        open.register(
                jdbc.query(
                        """
                        SELECT kind, priority, count(*) AS n FROM work_item
                        WHERE state IN ('OPEN', 'ACKNOWLEDGED') GROUP BY kind, priority
                        """,
                        (rs, i) -> MultiGauge.Row.of(
                                Tags.of("kind", rs.getString("kind"), "priority", rs.getString("priority")),
                                rs.getLong("n"))),
                true);
        overdue.register(
                jdbc.query(
                        """
                        SELECT p.priority, count(w.id) AS n
                        FROM (VALUES ('URGENT'), ('HIGH'), ('NORMAL')) AS p (priority)
                        LEFT JOIN work_item w ON w.priority = p.priority
                            AND w.state = 'OPEN' AND w.due_at < ?
                        GROUP BY p.priority
                        """,
                        (rs, i) -> MultiGauge.Row.of(Tags.of("priority", rs.getString("priority")), rs.getLong("n")),
                        Timestamp.from(clock.instant())),
                true);
        Timestamp oldest = jdbc.queryForObject(
                "SELECT min(created_at) FROM work_item WHERE state IN ('OPEN', 'ACKNOWLEDGED') AND priority = 'URGENT'",
                Timestamp.class);
        oldestUrgentSeconds.set(
                oldest == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(oldest.toInstant(), clock.instant())
                                        .toSeconds()));
    }
}
