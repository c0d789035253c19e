package org.iopcare.notification.message;

/** A message's delivery state: queued, then sent, then delivered or failed or undeliverable. */
public enum DeliveryStatus {
    QUEUED,
    SENT,
    DELIVERED,
    FAILED,
    UNDELIVERABLE
}
