package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client opted out of or back in to messages on one channel by answering a message (an SMS
 * {@code STOP} or {@code START}, an email's one-click unsubscribe). The client's consent record is
 * intake's; the number or address stays in notification-service.
 *
 * @param eventId unique per event
 * @param occurredAt when the client opted out or in
 * @param clientId the client
 * @param channel the channel opted out of or in to: SMS or EMAIL
 * @param optedIn true for an opt-in (START), false for an opt-out
 * @param source how the client said it
 */
public record ContactConsentChanged(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        ContactChannel channel,
        boolean optedIn,
        ConsentChangeSource source)
        implements IntegrationEvent {}
