package org.iopcare.notification.message;

/**
 * A message's delivery state. QUEUED until a provider accepts it (SENT), then DELIVERED, FAILED or
 * UNDELIVERABLE as the provider reports. UNKNOWN when the provider may have received the request
 * but never answered (a timeout after sending, or a crash before SENT was recorded): such a message
 * is never sent again automatically. SUPPRESSED when the client had no consent for the channel (or
 * had opted out) at the moment of sending; CANCELLED when it was no longer wanted (discharge).
 * HELD when the frequency cap moved it to a later time (the reason in its detail): it becomes QUEUED
 * when that time comes.
 */
public enum DeliveryStatus {
    QUEUED(0),
    HELD(0),
    SENT(1),
    UNKNOWN(1),
    DELIVERED(2),
    FAILED(2),
    UNDELIVERABLE(2),
    SUPPRESSED(2),
    CANCELLED(2);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** Whether a report of {@code next} moves this state forward (reports never move it back). */
    public boolean canMoveTo(DeliveryStatus next) {
        return next.rank > rank;
    }

    public boolean isFinal() {
        return rank == 2;
    }
}
