package org.iopcare.intake.client;

import java.util.Locale;
import java.util.regex.Pattern;
import org.iopcare.support.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * What a staff member typed into the client search, read as one kind of search: an email (it holds
 * an {@code @}), a phone number (only digits and the usual separators) or a name. Each kind becomes
 * a {@code LIKE} prefix pattern with the wildcards escaped (escape character {@code \}). The text
 * is health information: it appears in no problem detail, log line or audit record.
 */
record SearchText(Kind kind, String pattern) {

    /** The shortest search, so that one letter does not list half the clinic. */
    static final int MIN_LENGTH = 2;

    static final int MAX_LENGTH = 200;

    /** A phone search needs this many digits (the last four of a number are the shortest usual). */
    static final int MIN_PHONE_DIGITS = 4;

    /** More digits than this are a whole number, perhaps with a trunk or call prefix. */
    static final int FULL_NUMBER_DIGITS = 8;

    private static final Pattern PHONE = Pattern.compile("[+0-9().\\s/-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    enum Kind {
        /** {@code pattern} is the lower-cased email's prefix. */
        EMAIL,
        /**
         * {@code pattern} is a prefix of the reversed digits of an E.164 number: the typed digits
         * match the end of the number, so a national number finds its international form.
         */
        PHONE,
        /** {@code pattern} is the lower-cased prefix of a name part or of "first last". */
        NAME
    }

    static SearchText of(String q) {
        String text = SPACES.matcher(q.strip()).replaceAll(" ");
        if (text.length() < MIN_LENGTH) {
            throw invalid("q must hold at least " + MIN_LENGTH + " characters besides spaces");
        }
        if (text.indexOf('@') >= 0) {
            return new SearchText(Kind.EMAIL, escaped(text.replace(" ", "").toLowerCase(Locale.ROOT)) + "%");
        }
        if (PHONE.matcher(text).matches() && text.chars().anyMatch(Character::isDigit)) {
            String digits = text.replaceAll("\\D", "");
            if (digits.length() > FULL_NUMBER_DIGITS) {
                // a whole number's leading zeros are a trunk (0…) or international call prefix (00…),
                // which E.164 has not; a few last digits keep theirs
                digits = digits.replaceFirst("^0+", "");
            }
            if (digits.length() < MIN_PHONE_DIGITS) {
                throw invalid("a phone search needs at least " + MIN_PHONE_DIGITS + " digits");
            }
            return new SearchText(Kind.PHONE, new StringBuilder(digits).reverse() + "%");
        }
        return new SearchText(Kind.NAME, escaped(text.toLowerCase(Locale.ROOT)) + "%");
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-search", "Invalid search", detail);
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
