package org.iopcare.notification.message;

/**
 * A message that must not wait for the dispatcher's next poll (a crisis answer) was queued;
 * published in the queuing transaction, acted on after its commit.
 */
public record UrgentMessageQueued() {}
