package org.iopcare.notification.message;

import java.time.Instant;
import java.util.UUID;

/** A message as staff and operators see it. */
public record MessageView(
        UUID id,
        UUID clientId,
        Audience audience,
        MessageKind kind,
        Channel channel,
        String destination,
        String body,
        DeliveryStatus status,
        Instant createdAt,
        Instant statusChangedAt) {

    static MessageView of(Message message) {
        return new MessageView(
                message.id(),
                message.clientId(),
                message.audience(),
                message.kind(),
                message.channel(),
                message.destination(),
                message.body(),
                message.status(),
                message.createdAt(),
                message.statusChangedAt());
    }
}
