package org.iopcare.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that breaks an input rule. The reason names the rule, never the
 * value, so it can be shown to the client beside the field's path.
 */
public class RejectedValue extends MismatchedInputException {

    private final String reason;

    RejectedValue(JsonParser parser, Class<?> type, String reason) {
        super(parser, reason, type);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
