package org.iopcare.support.messaging;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.iopcare.events.CloudEventHeaders;
import org.iopcare.events.EventType;
import org.iopcare.events.IntegrationEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a consumed record into its event, or refuses it as poison: too large, of another type,
 * not JSON, missing a required component, or with an event id that contradicts its header.
 * Records of another version of the same event are not poison: they are skipped, so a {@code .v2}
 * can be published beside {@code .v1} while consumers move.
 */
public class EventDecoder {

    private static final String CE_PREFIX = "ce_";
    private static final String[] CE_PREFIXES = {CE_PREFIX, "ce-", "ce."};

    private final JsonMapper json;
    private final int maxPayloadBytes;

    public EventDecoder(JsonMapper json, int maxPayloadBytes) {
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The event, or empty when the record is another version of this event. */
    public <T extends IntegrationEvent> Optional<T> decode(Message<?> message, Class<T> type) {
        List<EventType> types = EventType.typesOf(type);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("Not in the event catalogue: " + type.getName());
        }
        String ceType = header(message, CloudEventHeaders.TYPE);
        if (ceType == null) {
            throw new PoisonRecordException("Record has no " + CloudEventHeaders.TYPE + " header");
        }
        // a payload several services publish (a staff alert) has one type per producer
        EventType expected = types.stream()
                .filter(candidate -> candidate.ceType().equals(ceType))
                .findFirst()
                .orElse(types.get(0));
        if (!ceType.equals(expected.ceType())) {
            if (sameEventOtherVersion(ceType, expected.ceType())) {
                return Optional.empty();
            }
            throw new PoisonRecordException("Record of type " + ceType + " where " + expected.ceType() + " belongs");
        }
        byte[] payload = payload(message);
        if (payload.length > maxPayloadBytes) {
            throw new PoisonRecordException(
                    "Payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        T event = read(payload, type);
        requireComponents(event, type);
        String ceId = header(message, CloudEventHeaders.ID);
        if (ceId != null && !ceId.equals(String.valueOf(event.eventId()))) {
            throw new PoisonRecordException("Payload eventId differs from the " + CloudEventHeaders.ID + " header");
        }
        return Optional.of(event);
    }

    private <T> T read(byte[] payload, Class<T> type) {
        try {
            T event = json.readValue(payload, type);
            if (event == null) {
                throw new PoisonRecordException("Payload is JSON null");
            }
            return event;
        } catch (JacksonException e) {
            // Jackson's own message may quote the payload; keep only the kind and the position.
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new PoisonRecordException("Payload is not a valid " + type.getSimpleName() + " ("
                    + e.getClass().getSimpleName() + where + ")");
        }
    }

    private static void requireComponents(Object event, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isPrimitive() || optional(component)) {
                continue;
            }
            try {
                if (component.getAccessor().invoke(event) == null) {
                    throw new PoisonRecordException("Required field '" + component.getName() + "' is missing");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Any annotation named Nullable marks an optional component. */
    private static boolean optional(RecordComponent component) {
        return Arrays.stream(component.getAnnotations())
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    private static boolean sameEventOtherVersion(String actual, String expected) {
        String base = expected.substring(0, expected.lastIndexOf(".v") + 2);
        return actual.startsWith(base) && actual.substring(base.length()).matches("\\d+");
    }

    private static byte[] payload(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new PoisonRecordException(
                "Unexpected payload type " + payload.getClass().getSimpleName());
    }

    /**
     * A CloudEvents attribute by its Kafka header name ({@code ce_type}). Spring Cloud Function
     * recognises CloudEvents on the way in and may hand the attributes over under another binding's
     * prefix ({@code ce-type}, {@code ce.type}), so every prefix is accepted.
     */
    private static @Nullable String header(Message<?> message, String name) {
        String attribute = name.substring(CE_PREFIX.length());
        for (String prefix : CE_PREFIXES) {
            Object value = message.getHeaders().get(prefix + attribute);
            if (value != null) {
                return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
            }
        }
        return null;
    }
}
