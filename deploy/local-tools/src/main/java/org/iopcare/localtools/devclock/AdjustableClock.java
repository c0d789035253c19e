package org.iopcare.localtools.devclock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock but can be moved ahead, never back (local run only): a
 * session "ends" or "starts" without waiting for it, while every use of time in the service still
 * goes through the one {@link Clock} bean. Moving back would let an attendance or a sweep happen
 * twice at one instant, which no real clock does.
 */
final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves the clock ahead by {@code by} (not negative); returns the total offset. */
    Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves ahead");
        }
        return offset.updateAndGet(current -> current.plus(by));
    }

    Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // shares the offset: a zoned view of the same moved clock
        return new AdjustableClock(base.withZone(zone), offset);
    }
}
