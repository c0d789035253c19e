package org.iopcare.support.messaging;

/**
 * A record that no retry can make valid: not JSON, the wrong type, too large, missing a required
 * field. It goes straight to the dead-letter topic. The message names the rule that failed and
 * never quotes the payload.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message, null, false, false);
    }
}
