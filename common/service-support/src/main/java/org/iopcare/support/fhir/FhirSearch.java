package org.iopcare.support.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Observation;
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The search parameters the FHIR read API understands (docs/fhir.md, "Search"): {@code patient}
 * (required on every search, so the caseload can be checked before anything is read), {@code
 * date} with the prefixes {@code eq ge gt le lt}, {@code code} as {@code [system|]code}, and
 * {@code _count}/{@code _offset} paging. A malformed value is a 400 problem naming the parameter.
 */
public final class FhirSearch {

    /** The largest page; a larger {@code _count} is reduced to it, as FHIR lets a server do. */
    public static final int MAX_COUNT = 100;

    public static final int DEFAULT_COUNT = 20;

    /** The deepest offset, far below what the queries' int offset can hold. */
    public static final int MAX_OFFSET = 1_000_000;

    /** A UUID as the first group of a resource id's pattern ({@link #owner}). */
    public static final String UUID_GROUP =
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

    /** An id that is a UUID. */
    public static final Pattern UUID_ID = Pattern.compile(UUID_GROUP);

    private static final Pattern REFERENCE = Pattern.compile("(?:Patient/)?" + UUID_GROUP);

    private static final Pattern DATE =
            Pattern.compile("(eq|ge|gt|le|lt)?(\\d{4}-\\d{2}-\\d{2})(T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2}))?");

    private FhirSearch() {}

    /** The patient a search is about: {@code Patient/<id>} or {@code <id>}. */
    public static UUID patient(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("patient", "Every search names its patient: patient=Patient/<id>");
        }
        Matcher m = REFERENCE.matcher(value.strip());
        if (!m.matches()) {
            throw invalid("patient", "patient is Patient/<id> or <id>, an id being a UUID");
        }
        return UUID.fromString(m.group(1));
    }

    /** The page asked for. */
    public static Page page(Integer count, Integer offset) {
        int c = count == null ? DEFAULT_COUNT : count;
        int o = offset == null ? 0 : offset;
        if (c < 0) {
            throw invalid("_count", "_count is at least 0");
        }
        if (o < 0 || o > MAX_OFFSET) {
            throw invalid("_offset", "_offset is between 0 and " + MAX_OFFSET);
        }
        return new Page(Math.min(c, MAX_COUNT), o);
    }

    /** The range all {@code date} parameters together allow; unbounded where none bounds it. */
    public static DateRange dates(List<String> values) {
        Instant from = DateRange.MIN;
        Instant to = DateRange.MAX;
        if (values != null) {
            for (String value : values) {
                Matcher m = DATE.matcher(value == null ? "" : value.strip());
                if (!m.matches()) {
                    throw invalid("date", "date is [eq|ge|gt|le|lt]YYYY-MM-DD or a dateTime with its offset");
                }
                Instant start;
                Instant end;
                try {
                    LocalDate day = LocalDate.parse(m.group(2));
                    if (m.group(3) == null) {
                        start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                        end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } else {
                        start = OffsetDateTime.parse(m.group(2) + m.group(3)).toInstant();
                        end = start.plusNanos(1);
                    }
                } catch (DateTimeParseException e) {
                    throw invalid("date", "date is not a calendar date");
                }
                String prefix = m.group(1) == null ? "eq" : m.group(1);
                switch (prefix) {
                    case "ge" -> from = max(from, start);
                    case "gt" -> from = max(from, end);
                    case "le" -> to = min(to, end);
                    case "lt" -> to = min(to, start);
                    default -> {
                        from = max(from, start);
                        to = min(to, end);
                    }
                }
            }
        }
        return new DateRange(from, to);
    }

    /** A token parameter {@code [system|]code}; the system, when given, must be one of {@code systems}. */
    public static @Nullable String code(String value, String system) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        int bar = v.indexOf('|');
        if (bar >= 0) {
            String s = v.substring(0, bar);
            if (!s.isEmpty() && !s.equals(system)) {
                throw invalid("code", "code's system is " + system);
            }
            v = v.substring(bar + 1);
        }
        if (v.isEmpty() || v.length() > 64) {
            throw invalid("code", "code is [system|]code");
        }
        return v;
    }

    /**
     * The Observation filter of {@code code} (a LOINC code) and {@code date} (effective); both
     * parsed here, so a malformed one is refused before access is checked.
     */
    public static Predicate<Observation> observations(String code, List<String> date) {
        String loinc = code(code, IopFhir.LOINC);
        DateRange dates = dates(date);
        return o -> dates.contains(o.getEffectiveDateTimeType().getValue().toInstant())
                && (loinc == null
                        || loinc.equals(o.getCode().getCodingFirstRep().getCode()));
    }

    /**
     * The client a resource id belongs to: the id must match {@code pattern}, whose first group is
     * the UUID that {@code clientOf} looks up; null when it does not match or names nothing.
     */
    public static @Nullable UUID owner(Pattern pattern, String id, Function<UUID, UUID> clientOf) {
        Matcher m = pattern.matcher(id);
        return m.matches() ? clientOf.apply(UUID.fromString(m.group(1))) : null;
    }

    static ProblemException invalid(String parameter, String detail) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST, "invalid-search", "Invalid search parameter " + parameter, detail);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A page: at most {@code count} matches after skipping {@code offset}. */
    public record Page(int count, int offset) {}

    /** Instants from (inclusive) to (exclusive). */
    public record DateRange(Instant from, Instant to) {

        static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
        static final Instant MAX = Instant.parse("9999-12-31T00:00:00Z");

        public boolean contains(Instant t) {
            return t != null && !t.isBefore(from) && t.isBefore(to);
        }

        /** Whether a period overlaps the range; a null end is open. */
        public boolean overlaps(Instant start, Instant end) {
            return (end == null || end.isAfter(from) || end.equals(from)) && (start == null || start.isBefore(to));
        }
    }
}
