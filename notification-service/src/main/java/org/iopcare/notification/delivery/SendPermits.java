package org.iopcare.notification.delivery;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Permission to hand messages to one provider: its rate limits, taken before a message is claimed. */
interface SendPermits {

    /** No limit (a channel without configured rates). */
    SendPermits UNLIMITED = new SendPermits() {
        @Override
        public int take(int wanted) {
            return wanted;
        }

        @Override
        public void giveBack(int permits) {}

        @Override
        public Duration untilNext() {
            return Duration.ZERO;
        }
    };

    /** Takes up to {@code wanted} permits now, without waiting; returns how many it got. */
    int take(int wanted);

    /** Returns permits taken for messages that were not sent after all. */
    void giveBack(int permits);

    /** How long until at least one permit is there again. */
    Duration untilNext();

    /**
     * Waits up to {@code atMost} for one permit (the fallback provider, tried in the middle of a
     * send); false when none came.
     */
    default boolean await(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (take(1) == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, Math.max(untilNext().toNanos(), 100_000)));
        }
        return true;
    }

    /** Both limits at once (an account's rate and its sender number's): a permit needs one of each. */
    static SendPermits both(SendPermits first, SendPermits second) {
        return new SendPermits() {
            @Override
            public int take(int wanted) {
                int fromFirst = first.take(wanted);
                int granted = second.take(fromFirst);
                first.giveBack(fromFirst - granted);
                return granted;
            }

            @Override
            public void giveBack(int permits) {
                first.giveBack(permits);
                second.giveBack(permits);
            }

            @Override
            public Duration untilNext() {
                Duration a = first.untilNext();
                Duration b = second.untilNext();
                return a.compareTo(b) >= 0 ? a : b;
            }
        };
    }
}
