package org.iopcare.notification.delivery;

import org.iopcare.notification.message.Channel;

/** Hands messages of one channel to its provider and says what became of the request. */
interface ChannelSender {

    Channel channel();

    /** Never throws: every failure is classified, ambiguous ones as {@link SendOutcome.Unknown}. */
    SendOutcome send(Outgoing message);

    /** Whether a send may be tried now; false while every provider's circuit breaker is open. */
    default boolean available() {
        return true;
    }

    /** The rate limits of the provider the next send goes to; taken before a message is claimed. */
    default SendPermits permits() {
        return SendPermits.UNLIMITED;
    }

    /**
     * The most sends of this channel that make progress at once (an SMTP server's connections);
     * the dispatcher hands it no more, so that sends waiting for a connection hold no slot another
     * channel could use.
     */
    default int parallelism() {
        return Integer.MAX_VALUE;
    }
}
