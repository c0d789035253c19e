package org.iopcare.notification.delivery;

/**
 * What a provider made of one send request. The details are codes and short reasons, never the
 * destination or the text.
 */
sealed interface SendOutcome {

    /**
     * The provider took the message; {@code providerId} identifies it in its status reports;
     * {@code provider} names which configured provider (null for email).
     */
    record Accepted(String providerId, String provider) implements SendOutcome {}

    /** The provider certainly did not take it (refused connection, 5xx, 429): try again later. */
    record Retryable(String detail) implements SendOutcome {}

    /** The provider will never take it (invalid number, rejected address). */
    record Rejected(String detail) implements SendOutcome {}

    /** The provider may have taken it (timeout after the request was sent): never resent blindly. */
    record Unknown(String detail) implements SendOutcome {}
}
