package org.iopcare.notification.message;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake team's email about new inquiries: at most one per period, counts only.
 *
 * <p>Every handled inquiry leaves a row in {@code intake_inquiry} (event id and time). When a
 * period has ended, the first run to insert its {@code intake_summary} row owns it (a second run,
 * on this or any other instance, finds the row and does nothing); in the same transaction it marks
 * every not yet counted inquiry handled before the period's end as counted by it, and queues one
 * email with their number. An inquiry whose transaction commits after that run is counted by the
 * next period's summary, so none is lost or counted twice, across restarts too: a period not
 * summarized while every instance was down is covered by the next summary, whose "since" is the
 * end of the last period summarized before.
 */
@Service
public class IntakeSummaries {

    /** The client id of messages about no client (the summary is about many, by count). */
    public static final UUID NO_CLIENT = new UUID(0, 0);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.US);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, HH:mm z", Locale.US);

    /** A period that was summarized by this run. */
    public record Summary(
            Instant periodStart,
            Instant periodEnd,
            int inquiries,
            @Nullable Instant since) {}

    private final JdbcTemplate jdbc;
    private final ClientMessages messages;
    private final ClinicProperties clinic;
    private final IntakeSummaryProperties properties;

    IntakeSummaries(
            JdbcTemplate jdbc, ClientMessages messages, ClinicProperties clinic, IntakeSummaryProperties properties) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clinic = clinic;
        this.properties = properties;
    }

    /** Records a handled inquiry for the next summary; in the handler's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(UUID inquiryEventId, Instant handledAt) {
        jdbc.update(
                "INSERT INTO intake_inquiry (inquiry_event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                inquiryEventId,
                Timestamp.from(handledAt));
    }

    /**
     * Summarizes the period that ended last before {@code now}, unless it was already claimed;
     * empty when it was (or nothing to claim). A period without inquiries is claimed, no email.
     */
    @Transactional
    public Optional<Summary> summarize(Instant now) {
        long periodMillis = properties.period().toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), periodMillis) * periodMillis);
        Instant start = end.minusMillis(periodMillis);
        int claimed = jdbc.update(
                "INSERT INTO intake_summary (period_start, period_end, inquiries, claimed_at) VALUES (?, ?, 0, ?)"
                        + " ON CONFLICT (period_start) DO NOTHING",
                Timestamp.from(start),
                Timestamp.from(end),
                Timestamp.from(now));
        if (claimed == 0) {
            return Optional.empty();
        }
        List<Instant> counted = jdbc.query(
                "UPDATE intake_inquiry SET summary_period = ? WHERE summary_period IS NULL AND received_at < ?"
                        + " RETURNING received_at",
                (rs, i) -> rs.getTimestamp("received_at").toInstant(),
                Timestamp.from(start),
                Timestamp.from(end));
        if (counted.isEmpty()) {
            return Optional.of(new Summary(start, end, 0, null));
        }
        // since the end of the period the team was last told about (normally this period's start;
        // earlier after a time when no instance ran); the first summary ever: the oldest inquiry's
        Timestamp previousEnd = jdbc.queryForObject(
                "SELECT max(period_end) FROM intake_summary WHERE period_start < ?",
                Timestamp.class,
                Timestamp.from(start));
        Instant since = previousEnd != null
                ? previousEnd.toInstant()
                : counted.stream().min(Instant::compareTo).orElseThrow();
        jdbc.update(
                "UPDATE intake_summary SET inquiries = ?, since = ? WHERE period_start = ?",
                counted.size(),
                Timestamp.from(since),
                Timestamp.from(start));
        messages.toStaff(
                NO_CLIENT,
                MessageKind.INTAKE_SUMMARY,
                clinic.intakeTeamEmail(),
                Map.of(
                        "inquiries",
                        counted.size(),
                        "inquiryWord",
                        counted.size() == 1 ? "inquiry" : "inquiries",
                        "since",
                        since(since, end),
                        "inquiryListUrl",
                        properties.inquiryListUrl()),
                UUID.nameUUIDFromBytes(("intake-summary:" + start).getBytes(StandardCharsets.UTF_8)));
        return Optional.of(new Summary(start, end, counted.size(), since));
    }

    /** "14:00 EDT", or with the day when it was not the day the period ended. */
    private String since(Instant since, Instant end) {
        ZonedDateTime local = since.atZone(properties.timeZone());
        boolean sameDay = local.toLocalDate()
                .equals(end.minusNanos(1).atZone(properties.timeZone()).toLocalDate());
        return (sameDay ? TIME : DAY_AND_TIME).format(local);
    }
}
