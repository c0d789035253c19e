package org.iopcare.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue: every event type with its record, topic, CloudEvents type and producing service.
 * A breaking change to a payload is a new constant with a {@code .v2} type, never an edit.
 */
public enum EventType {
    INQUIRY_RECEIVED_V1(InquiryReceived.class, Topics.INQUIRY_RECEIVED, "intake", 1),
    CLIENT_ENROLLED_V1(ClientEnrolled.class, Topics.ENROLLED, "intake", 1);

    private static final String PREFIX = "org.iopcare.";

    private final Class<? extends IntegrationEvent> payloadType;
    private final String topic;
    private final String source;
    private final int version;

    EventType(Class<? extends IntegrationEvent> payloadType, String topic, String source, int version) {
        this.payloadType = payloadType;
        this.topic = topic;
        this.source = source;
        this.version = version;
    }

    public Class<? extends IntegrationEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    /** The producing service, as the CloudEvents {@code source} ({@code /iopcare/intake}). */
    public String source() {
        return "/iopcare/" + source;
    }

    /** The CloudEvents {@code type}, e.g. {@code org.iopcare.intake.enrolled.v1}. */
    public String ceType() {
        return PREFIX + source + "." + topic + ".v" + version;
    }

    public static EventType of(IntegrationEvent event) {
        return forPayload(event.getClass())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Not in the event catalogue: " + event.getClass().getName()));
    }

    public static Optional<EventType> forPayload(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType == payloadType)
                .findFirst();
    }

    public static Optional<EventType> forCeType(String ceType) {
        return Arrays.stream(values())
                .filter(type -> type.ceType().equals(ceType))
                .findFirst();
    }
}
