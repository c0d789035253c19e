package org.iopcare.scheduling.schedule;

import java.time.Instant;

/**
 * A span of time, start inclusive, end exclusive.
 *
 * @param start first instant
 * @param end first instant after
 */
record Interval(Instant start, Instant end) {

    boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
