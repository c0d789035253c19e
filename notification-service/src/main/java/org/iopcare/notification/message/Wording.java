package org.iopcare.notification.message;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How a language writes a session's date and time and joins several sessions, from its folder's
 * {@code language.properties} ({@code date}, {@code time}: java.time patterns in the language's
 * locale; {@code at}, {@code and}; {@code optOutHint}); English by default.
 */
record Wording(DateTimeFormatter date, DateTimeFormatter time, String at, String and, String optOutHint) {

    static Wording of(String language) {
        Properties properties = new Properties();
        String path = language.equals(MessageTemplates.ENGLISH)
                ? "templates/language.properties"
                : "templates/" + language + "/language.properties";
        String text = MessageTemplates.classpathText(path);
        if (text != null) {
            try {
                properties.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Locale locale = language.equals(MessageTemplates.ENGLISH) ? Locale.US : Locale.forLanguageTag(language);
        return new Wording(
                DateTimeFormatter.ofPattern(properties.getProperty("date", "EEEE, MMMM d"), locale),
                DateTimeFormatter.ofPattern(properties.getProperty("time", "h:mm a z"), locale),
                properties.getProperty("at", "at"),
                properties.getProperty("and", "and"),
                properties.getProperty("optOutHint", Messages.OPT_OUT_HINT));
    }

    /** The values with {@code sessionAt} / {@code sessionsAt} written out in this language. */
    Map<String, Object> apply(Map<String, Object> values) {
        if (!values.containsKey("sessionAt") && !values.containsKey("sessionsAt")) {
            return values;
        }
        Map<String, Object> written = new HashMap<>(values);
        if (values.get("sessionAt") instanceof ZonedDateTime at) {
            written.put("sessionDate", date.format(at));
            written.put("sessionTime", time.format(at));
        }
        if (values.get("sessionsAt") instanceof List<?> all && !all.isEmpty()) {
            List<String> shown = all.stream()
                    .map(ZonedDateTime.class::cast)
                    .map(start -> date.format(start) + " " + at + " " + time.format(start))
                    .toList();
            written.put(
                    "sessions",
                    shown.size() == 1
                            ? shown.get(0)
                            : String.join(", ", shown.subList(0, shown.size() - 1)) + " " + and + " "
                                    + shown.get(shown.size() - 1));
        }
        return written;
    }
}
