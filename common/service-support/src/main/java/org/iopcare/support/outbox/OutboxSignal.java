package org.iopcare.support.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a commit wake the relay at once instead of waiting for its next poll. */
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    /** Wakes one waiting relay worker (or the next to wait). */
    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken or the timeout passes. */
    public void await(Duration timeout) throws InterruptedException {
        if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
