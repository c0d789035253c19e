package org.iopcare.support.web;

/**
 * The text every service accepts from a client: no control characters except line feed, carriage
 * return and tab. PostgreSQL refuses NUL in {@code text} and {@code jsonb}, and the other control
 * characters have no place in a name, a note or a reason; refusing them at the edge turns what
 * would be a failed insert (500) into a 400 that names the field.
 */
public final class PlainText {

    private PlainText() {}

    public static boolean isAcceptable(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
