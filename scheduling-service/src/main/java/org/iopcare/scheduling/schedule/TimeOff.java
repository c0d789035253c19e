package org.iopcare.scheduling.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A span a clinician takes no sessions in, in local time.
 *
 * @param start first local date-time off
 * @param end first local date-time back
 * @param zone the zone the local times are in
 */
record TimeOff(LocalDateTime start, LocalDateTime end, ZoneId zone) {

    Interval interval() {
        return new Interval(
                ZonedDateTime.of(start, zone).toInstant(),
                ZonedDateTime.of(end, zone).toInstant());
    }
}
