package org.iopcare.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as staff read them: in the clinic's time zone, with the zone shown. Pages call it
 * as {@code ${@times.at(item.dueAt)}}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", Locale.US);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US);

    private final ConsoleProperties properties;

    Times(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** An instant (ISO text or {@link Instant}) in the clinic's zone: "Mon 7 Dec, 09:00 EST". */
    public String at(@Nullable Object instant) {
        ZonedDateTime time = zoned(instant);
        return time == null ? "" : AT.format(time);
    }

    /** The clock time of an instant in the clinic's zone: "09:00". */
    public String clock(@Nullable Object instant) {
        ZonedDateTime time = zoned(instant);
        return time == null ? "" : CLOCK.format(time);
    }

    /** A date ("2026-12-07" or {@link LocalDate}) as "Dec 7, 2026". */
    public String day(@Nullable Object date) {
        LocalDate day = date(date);
        return day != null ? DAY.format(day) : date == null ? "" : date.toString();
    }

    /** The clinic's time zone. */
    public java.time.ZoneId zone() {
        return properties.clinicZone();
    }

    /** Today in the clinic's zone. */
    public LocalDate today() {
        return LocalDate.now(properties.clinicZone());
    }

    /** Whether a date ("2026-12-07" or {@link LocalDate}) is after today in the clinic's zone. */
    public boolean ahead(@Nullable Object date) {
        LocalDate day = date(date);
        return day != null && day.isAfter(today());
    }

    /** A date given as a {@link LocalDate} or as "2026-12-07"; null for none or anything else. */
    private static @Nullable LocalDate date(@Nullable Object date) {
        if (date == null || date instanceof LocalDate) {
            return (LocalDate) date;
        }
        try {
            return LocalDate.parse(date.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private @Nullable ZonedDateTime zoned(@Nullable Object instant) {
        if (instant == null || instant.toString().isEmpty()) {
            return null;
        }
        try {
            Instant value = instant instanceof Instant i ? i : Instant.parse(instant.toString());
            return value.atZone(properties.clinicZone());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
