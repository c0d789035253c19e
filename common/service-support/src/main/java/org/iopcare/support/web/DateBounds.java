package org.iopcare.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates a client may send: years 1900 to 2200. Java parses years up to a billion and
 * {@code Instant.MAX}; PostgreSQL's {@code date} and {@code timestamptz} end long before, and date
 * arithmetic on such values overflows, so without a bound they became 500s. No appointment, birth
 * date or review lies outside this range.
 */
public final class DateBounds {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    private static final Instant FIRST =
            LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END =
            LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private DateBounds() {}

    /** Whether the value is within the bounds; values of other types are not dates and pass. */
    public static boolean isAcceptable(Object value) {
        if (value instanceof LocalDate date) {
            return year(date.getYear());
        }
        if (value instanceof LocalDateTime dateTime) {
            return year(dateTime.getYear());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return year(dateTime.getYear()) && instant(dateTime.toInstant());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return year(dateTime.getYear()) && instant(dateTime.toInstant());
        }
        if (value instanceof Instant instant) {
            return instant(instant);
        }
        if (value instanceof YearMonth month) {
            return year(month.getYear());
        }
        if (value instanceof Year year) {
            return year(year.getValue());
        }
        return true;
    }

    /** Whether values of this type are checked. */
    public static boolean applies(Class<?> type) {
        return type == LocalDate.class
                || type == LocalDateTime.class
                || type == OffsetDateTime.class
                || type == ZonedDateTime.class
                || type == Instant.class
                || type == YearMonth.class
                || type == Year.class;
    }

    private static boolean year(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static boolean instant(Instant instant) {
        return !instant.isBefore(FIRST) && instant.isBefore(END);
    }
}
