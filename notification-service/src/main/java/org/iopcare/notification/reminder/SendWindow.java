package org.iopcare.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Allowed sending hours in a client's own time zone, both ends included to the minute. Local
 * times are turned into instants per day with the zone's rules, so the window stays 08:00-21:00
 * local on the days daylight-saving time starts and ends.
 */
public record SendWindow(LocalTime start, LocalTime end) {

    public boolean allows(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return !local.isBefore(start) && !local.isAfter(end);
    }

    /**
     * The allowed instant nearest to {@code due}, no earlier than {@code notBefore} and before
     * {@code deadline}: {@code due} itself when allowed, otherwise the closer of the window's edges
     * around it (the earlier one on a tie); empty when neither edge fits.
     */
    public Optional<Instant> nearest(Instant due, Instant notBefore, Instant deadline, ZoneId zone) {
        if (allows(due, zone)) {
            return due.isBefore(deadline) && !due.isBefore(notBefore) ? Optional.of(due) : Optional.empty();
        }
        ZonedDateTime local = due.atZone(zone);
        LocalDate day = local.toLocalDate();
        Stream<Instant> edges = local.toLocalTime().isBefore(start)
                ? Stream.of(at(day.minusDays(1), end, zone), at(day, start, zone))
                : Stream.of(at(day, end, zone), at(day.plusDays(1), start, zone));
        return edges.filter(edge -> !edge.isBefore(notBefore) && edge.isBefore(deadline))
                .min(Comparator.comparing(
                                (Instant edge) -> Duration.between(edge, due).abs())
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code from} when allowed, otherwise the window's next opening. */
    public Instant nextOpening(Instant from, ZoneId zone) {
        if (allows(from, zone)) {
            return from;
        }
        ZonedDateTime local = from.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(start)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return at(day, start, zone);
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        // a time inside a daylight-saving gap moves forward by the gap's length
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
