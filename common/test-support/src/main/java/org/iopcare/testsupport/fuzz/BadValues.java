package org.iopcare.testsupport.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad values put into one JSON field, per kind of field, as raw JSON text (so that literals a
 * JSON library would refuse to write, like {@code 1e400}, reach the service as they are).
 */
final class BadValues {

    /** A raw JSON value with the family it belongs to and a short readable label. */
    record BadValue(MutationKind kind, String label, String json) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int HUGE_STRING = 100_000;
    static final int DEEP = 5_000;
    static final int LONG_ARRAY = 10_000;

    private static final List<BadValue> STRINGS = List.of(
            text(MutationKind.BODY_CONTROL_CHARS, "NUL", "\u0000"),
            text(MutationKind.BODY_CONTROL_CHARS, "NUL inside", "a\u0000b"),
            text(MutationKind.BODY_CONTROL_CHARS, "C0 and DEL", "\u0001\u0008\u001b\u001f\u007f"),
            text(MutationKind.BODY_CONTROL_CHARS, "CR LF TAB", "a\r\nb\tc"),
            text(MutationKind.BODY_CONTROL_CHARS, "C1 and line separators", "\u0085\u2028\u2029"),
            text(MutationKind.BODY_HUGE_STRING, "100k chars", "x".repeat(HUGE_STRING)),
            text(MutationKind.BODY_UNICODE, "right-to-left override", "\u202Egnp.exe"),
            text(
                    MutationKind.BODY_UNICODE,
                    "emoji and ZWJ",
                    "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"),
            text(MutationKind.BODY_UNICODE, "combining marks", "e" + "\u0301".repeat(50)),
            text(MutationKind.BODY_UNICODE, "zero-width and BOM", "\u200B\uFEFF\u200D"),
            new BadValue(MutationKind.BODY_UNICODE, "lone surrogate", "\"a\\ud800b\""),
            text(MutationKind.BODY_UNICODE, "blank", "   "),
            text(MutationKind.BODY_UNICODE, "empty", ""),
            text(MutationKind.BODY_INJECTION, "SQL quote", "' OR '1'='1' --"),
            text(MutationKind.BODY_INJECTION, "SQL statement", "x'); DROP TABLE audit_log; --"),
            text(MutationKind.BODY_INJECTION, "script", "<script>alert(1)</script>"),
            text(MutationKind.BODY_INJECTION, "JNDI and template", "${jndi:ldap://x/a}{{7*7}}#{7*7}"),
            text(MutationKind.BODY_INJECTION, "traversal and %00", "../../etc/passwd%00"));

    private static final List<BadValue> UUIDS = List.of(
            text(MutationKind.BODY_BAD_UUID, "not a UUID", "not-a-uuid"),
            text(MutationKind.BODY_BAD_UUID, "nil UUID", "00000000-0000-0000-0000-000000000000"),
            text(MutationKind.BODY_BAD_UUID, "max UUID", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
            text(MutationKind.BODY_BAD_UUID, "UUID without dashes", "0123456789abcdef0123456789abcdef"));

    private static final List<BadValue> DATES = List.of(
            text(MutationKind.BODY_DATE_RANGE, "year +6000000", "+6000000-01-01"),
            text(MutationKind.BODY_DATE_RANGE, "year -4800", "-4800-01-01"),
            text(MutationKind.BODY_DATE_RANGE, "year 0", "0000-01-01"),
            text(MutationKind.BODY_DATE_RANGE, "LocalDate.MAX", "+999999999-12-31"),
            text(MutationKind.BODY_DATE_RANGE, "LocalDate.MIN", "-999999999-01-01"),
            text(MutationKind.BODY_DATE_RANGE, "year 9999", "9999-12-31"),
            text(MutationKind.BODY_DATE_RANGE, "Feb 30", "2026-02-30"),
            text(MutationKind.BODY_DATE_RANGE, "month 13", "2026-13-01"),
            text(MutationKind.BODY_DATE_RANGE, "date-time for a date", "2026-03-02T10:00:00Z"),
            new BadValue(MutationKind.BODY_DATE_RANGE, "epoch number", "99999999999999"));

    private static final List<BadValue> DATE_TIMES = List.of(
            text(MutationKind.BODY_DATE_RANGE, "Instant.MAX", Instant.MAX.toString()),
            text(MutationKind.BODY_DATE_RANGE, "Instant.MIN", Instant.MIN.toString()),
            text(MutationKind.BODY_DATE_RANGE, "year +6000000", "+6000000-01-01T00:00:00Z"),
            text(MutationKind.BODY_DATE_RANGE, "year -4800", "-4800-01-01T00:00:00Z"),
            text(MutationKind.BODY_DATE_RANGE, "year 0", "0000-01-01T00:00:00Z"),
            text(MutationKind.BODY_DATE_RANGE, "Feb 30", "2026-02-30T10:00:00Z"),
            text(MutationKind.BODY_DATE_RANGE, "hour 25", "2026-03-02T25:00:00Z"),
            text(MutationKind.BODY_DATE_RANGE, "offset +25:00", "2026-03-02T10:00:00+25:00"),
            text(MutationKind.BODY_DATE_RANGE, "date only", "2026-03-02"),
            new BadValue(MutationKind.BODY_DATE_RANGE, "epoch 1e400", "1e400"),
            new BadValue(MutationKind.BODY_DATE_RANGE, "epoch Long.MIN", "-9223372036854775808"));

    private static final List<BadValue> TIMES = List.of(
            text(MutationKind.BODY_DATE_RANGE, "hour 25", "25:00"),
            text(MutationKind.BODY_DATE_RANGE, "24:00", "24:00:00"),
            text(MutationKind.BODY_DATE_RANGE, "leap second", "23:59:60"),
            text(MutationKind.BODY_DATE_RANGE, "negative", "-01:00"),
            text(MutationKind.BODY_DATE_RANGE, "too precise", "10:00:00.1234567891"));

    private static final List<BadValue> INTEGERS = List.of(
            number("-1", "-1"),
            number("0", "0"),
            number("Integer.MAX+1", "2147483648"),
            number("Integer.MIN-1", "-2147483649"),
            number("Long.MAX", "9223372036854775807"),
            number("Long.MAX+1", "9223372036854775808"),
            number("1e400", "1e400"),
            number("fraction", "1.5"),
            number("-0", "-0"),
            new BadValue(MutationKind.BODY_NUMBER_RANGE, "NaN as string", "\"NaN\""));

    private static final List<BadValue> NUMBERS = List.of(
            number("-1", "-1"),
            number("1e400", "1e400"),
            number("-1e400", "-1e400"),
            number("1e-400", "1e-400"),
            number("Double.MAX", "1.7976931348623157e308"),
            number("Long.MAX+1", "9223372036854775808"),
            new BadValue(MutationKind.BODY_NUMBER_RANGE, "NaN as string", "\"NaN\""),
            new BadValue(MutationKind.BODY_NUMBER_RANGE, "Infinity as string", "\"Infinity\""));

    private BadValues() {}

    /** Every bad value for a field of this kind, wrong types and null included. */
    static List<BadValue> forField(ValueKind kind, JsonNode schema, JsonNode example) {
        List<BadValue> values = new ArrayList<>();
        values.add(new BadValue(MutationKind.BODY_NULL, "null", "null"));
        values.addAll(wrongTypes(kind));
        switch (kind) {
            case STRING, ANY -> values.addAll(STRINGS);
            case UUID -> {
                values.addAll(UUIDS);
                values.addAll(STRINGS);
            }
            case ENUM -> {
                String first = schema.path("enum").path(0).asString("A");
                values.add(text(MutationKind.BODY_BAD_ENUM, "unknown constant", "NOT_A_CONSTANT"));
                values.add(text(MutationKind.BODY_BAD_ENUM, "lower case", first.toLowerCase(Locale.ROOT)));
                values.add(text(MutationKind.BODY_BAD_ENUM, "padded", " " + first + " "));
                values.add(text(MutationKind.BODY_BAD_ENUM, "ordinal", "0"));
                values.add(text(MutationKind.BODY_CONTROL_CHARS, "NUL", "\u0000"));
                values.add(text(MutationKind.BODY_HUGE_STRING, "100k chars", "x".repeat(HUGE_STRING)));
            }
            case DATE -> {
                values.addAll(DATES);
                values.add(text(MutationKind.BODY_CONTROL_CHARS, "NUL", "\u0000"));
            }
            case DATE_TIME -> {
                values.addAll(DATE_TIMES);
                values.add(text(MutationKind.BODY_CONTROL_CHARS, "NUL", "\u0000"));
            }
            case TIME -> values.addAll(TIMES);
            case INTEGER -> values.addAll(INTEGERS);
            case NUMBER -> values.addAll(NUMBERS);
            case BOOLEAN -> values.add(new BadValue(MutationKind.BODY_WRONG_TYPE, "\"true\" as string", "\"true\""));
            case ARRAY -> values.addAll(arrays(example));
            case OBJECT -> {
                values.add(new BadValue(MutationKind.BODY_OBJECT_SHAPE, "empty object", "{}"));
                values.add(new BadValue(
                        MutationKind.BODY_OBJECT_SHAPE, "unknown property only", "{\"zzUnknown\":\"\\u0000\"}"));
            }
        }
        return values;
    }

    private static List<BadValue> wrongTypes(ValueKind kind) {
        return switch (kind) {
            case INTEGER, NUMBER ->
                List.of(wrong("string", "\"abc\""), wrong("boolean", "true"), wrong("object", "{}"));
            case BOOLEAN -> List.of(wrong("string", "\"yes\""), wrong("number", "2"), wrong("array", "[]"));
            case ARRAY -> List.of(wrong("string", "\"x\""), wrong("object", "{}"), wrong("number", "5"));
            case OBJECT -> List.of(wrong("string", "\"x\""), wrong("array", "[]"), wrong("number", "5"));
            default ->
                List.of(
                        wrong("number", "12345"),
                        wrong("boolean", "true"),
                        wrong("object", "{}"),
                        wrong("array", "[\"a\"]"));
        };
    }

    private static List<BadValue> arrays(JsonNode example) {
        String item = example != null && example.isArray() && !example.isEmpty()
                ? JSON.writeValueAsString(example.get(0))
                : "1";
        return List.of(
                new BadValue(MutationKind.BODY_ARRAY_SHAPE, "empty array", "[]"),
                new BadValue(MutationKind.BODY_ARRAY_SHAPE, "array of null", "[null]"),
                new BadValue(
                        MutationKind.BODY_ARRAY_SHAPE,
                        LONG_ARRAY + " items",
                        "[" + String.join(",", java.util.Collections.nCopies(LONG_ARRAY, item)) + "]"),
                new BadValue(MutationKind.BODY_DEEP_NESTING, DEEP + " nested arrays", nestedArrays(DEEP)));
    }

    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static BadValue text(MutationKind kind, String label, String value) {
        return new BadValue(kind, label, JSON.writeValueAsString(value));
    }

    private static BadValue number(String label, String literal) {
        return new BadValue(MutationKind.BODY_NUMBER_RANGE, label, literal);
    }

    private static BadValue wrong(String label, String json) {
        return new BadValue(MutationKind.BODY_WRONG_TYPE, label + " instead", json);
    }
}
