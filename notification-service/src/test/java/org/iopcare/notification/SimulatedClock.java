package org.iopcare.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in a context of its own that a test moves through days: the real time until
 * {@link #set} puts it at an instant, from which it runs on with the real time (so leases, gathering
 * delays and polls keep working between two moves). {@link #reset} returns it to the real time.
 */
public final class SimulatedClock extends Clock {

    private record Setting(Instant at, long nanos) {}

    private volatile Setting setting;

    /** From now on the clock reads {@code at} plus the real time passed since. */
    public void set(Instant at) {
        setting = new Setting(at, System.nanoTime());
    }

    /** The real time again. */
    public void reset() {
        setting = null;
    }

    @Override
    public Instant instant() {
        Setting current = setting;
        if (current == null) {
            return Instant.now();
        }
        return current.at().plus(Duration.ofNanos(System.nanoTime() - current.nanos()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is in UTC");
    }
}
