package org.iopcare.testsupport.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The valid request an operation's bad inputs start from: one thing is spoiled at a time, so the
 * rest gets past validation and the bad value reaches as deep into the service as it can.
 * Values are plain (the fuzzer percent-encodes them); {@code body} is JSON text or null.
 */
public record ValidRequest(Map<String, String> path, Map<String, String> query, String body, String contentType) {

    public ValidRequest {
        path = Map.copyOf(path);
        query = new LinkedHashMap<>(query);
    }

    public ValidRequest(Map<String, String> path, Map<String, String> query, String body) {
        this(path, query, body, null);
    }

    public static ValidRequest body(String json) {
        return new ValidRequest(Map.of(), Map.of(), json);
    }

    /** A form-encoded body ({@code a=1&b=2}), for operations the description gives no body schema. */
    public static ValidRequest form(String encoded) {
        return new ValidRequest(Map.of(), Map.of(), encoded, "application/x-www-form-urlencoded");
    }

    public static ValidRequest path(String name, String value) {
        return new ValidRequest(Map.of(name, value), Map.of(), null);
    }

    /** The body's media type: this request's, else the description's, else JSON. */
    String mediaType(String declared) {
        return contentType != null ? contentType : declared != null ? declared : "application/json";
    }

    public ValidRequest withPath(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(path);
        copy.put(name, value);
        return new ValidRequest(copy, query, body, contentType);
    }

    public ValidRequest withQuery(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, value);
        return new ValidRequest(path, copy, body, contentType);
    }

    public ValidRequest withBody(String json) {
        return new ValidRequest(path, query, json, contentType);
    }
}
