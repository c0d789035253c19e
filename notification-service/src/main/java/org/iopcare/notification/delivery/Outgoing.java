package org.iopcare.notification.delivery;

import java.util.UUID;
import org.iopcare.notification.message.Channel;

/** One message as a channel sends it. */
record Outgoing(UUID messageId, Channel channel, String destination, String subject, String body) {

    @Override
    public String toString() {
        return "Outgoing[" + messageId + ", " + channel + "]";
    }
}
