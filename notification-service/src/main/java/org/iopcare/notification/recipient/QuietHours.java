package org.iopcare.notification.recipient;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Hours of the day, in the client's own zone, in which the client wants no message: from {@code
 * start} (included) to {@code end} (excluded), inside the clinic's send window (so never across
 * midnight). Local times become instants per day with the zone's rules, as the send window does.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public boolean contains(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return !local.isBefore(start) && local.isBefore(end);
    }

    /** The end of the quiet hours on the local day of {@code at}. */
    public Instant endOn(Instant at, ZoneId zone) {
        return ZonedDateTime.of(at.atZone(zone).toLocalDate(), end, zone).toInstant();
    }

    /** The last minute before the quiet hours on the local day of {@code at}. */
    public Instant lastMinuteBefore(Instant at, ZoneId zone) {
        return ZonedDateTime.of(at.atZone(zone).toLocalDate(), start, zone)
                .toInstant()
                .minus(1, ChronoUnit.MINUTES);
    }

    /** {@code at} itself outside the quiet hours, else their end that day. */
    public Instant after(Instant at, ZoneId zone) {
        return contains(at, zone) ? endOn(at, zone) : at;
    }
}
