package org.iopcare.notification.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message as staff and operators see it, with every state it went through (oldest first).
 * {@code body} is null for a caller who does not read message text ({@link MessageText}); every
 * other field stays.
 */
public record MessageView(
        UUID id,
        UUID clientId,
        Audience audience,
        MessageKind kind,
        Channel channel,
        String destination,
        @Nullable String body,
        DeliveryStatus status,
        @Nullable String statusDetail,
        int attempts,
        Instant createdAt,
        Instant statusChangedAt,
        List<StatusChange> history) {

    /** One state a message entered, with a short reason (never the text or the destination). */
    public record StatusChange(
            DeliveryStatus status, @Nullable String detail, Instant at) {}

    static MessageView of(Message message, boolean withBody) {
        return of(message, List.of(), withBody);
    }

    static MessageView of(Message message, List<StatusChange> history, boolean withBody) {
        return new MessageView(
                message.id(),
                message.clientId(),
                message.audience(),
                message.kind(),
                message.channel(),
                message.destination(),
                withBody ? message.body() : null,
                message.status(),
                message.statusDetail(),
                message.attempts(),
                message.createdAt(),
                message.statusChangedAt(),
                history);
    }
}
