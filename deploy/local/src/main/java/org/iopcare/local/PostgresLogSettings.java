package org.iopcare.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server settings that keep the values of statements out of PostgreSQL's own log: the data is
 * health information, and by default an error is logged with its statement, its DETAIL (the
 * offending key's values) and a CONTEXT that lists the statement's bound parameters (a plan's text,
 * a client's name). The service that ran the statement gets the error and reports it in its own
 * log; the database's log keeps the error message and the server's own events. The chart's
 * CloudNativePG cluster and the tests' PostgreSQL (common/test-support) carry the same settings.
 */
final class PostgresLogSettings {

    static final Map<String, String> SERVER = settings();

    private PostgresLogSettings() {}

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        // no DETAIL, HINT, QUERY or CONTEXT lines: the parts of an error that quote values
        settings.put("log_error_verbosity", "terse");
        // no STATEMENT line after an error
        settings.put("log_min_error_statement", "panic");
        // no bound parameters, neither with an error nor with a logged statement
        settings.put("log_parameter_max_length_on_error", "0");
        settings.put("log_parameter_max_length", "0");
        // no statement logging of any kind
        settings.put("log_statement", "none");
        settings.put("log_min_duration_statement", "-1");
        settings.put("log_min_duration_sample", "-1");
        settings.put("log_duration", "off");
        return java.util.Collections.unmodifiableMap(settings);
    }
}
