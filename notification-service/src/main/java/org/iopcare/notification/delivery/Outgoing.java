package org.iopcare.notification.delivery;

import java.util.UUID;
import org.iopcare.notification.message.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One message as a channel sends it; {@code unsubscribe} is the {@code List-Unsubscribe} value of a
 * client email (RFC 8058), null otherwise.
 */
record Outgoing(
        UUID messageId,
        Channel channel,
        String destination,
        String subject,
        String body,
        @Nullable String unsubscribe) {

    /** A message without an unsubscribe link (SMS, staff email). */
    Outgoing(UUID messageId, Channel channel, String destination, String subject, String body) {
        this(messageId, channel, destination, subject, body, null);
    }

    @Override
    public String toString() {
        return "Outgoing[" + messageId + ", " + channel + "]";
    }
}
