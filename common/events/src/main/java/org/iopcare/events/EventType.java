package org.iopcare.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue: every event type with its record, topic, CloudEvents type and producing service.
 * A breaking change to a payload is a new constant with a {@code .v2} type, never an edit.
 */
public enum EventType {
    INQUIRY_RECEIVED_V1(InquiryReceived.class, Topics.INQUIRY_RECEIVED, Producers.INTAKE, 1),
    INQUIRY_STATUS_CHANGED_V1(InquiryStatusChanged.class, Topics.INQUIRY_STATUS_CHANGED, Producers.INTAKE, 1),
    SCREENING_COMPLETED_V1(ScreeningCompleted.class, Topics.SCREENING_COMPLETED, Producers.INTAKE, 1),
    CLIENT_ENROLLED_V1(ClientEnrolled.class, Topics.ENROLLED, Producers.INTAKE, 1),
    CLIENT_UPDATED_V1(ClientUpdated.class, Topics.CLIENT_UPDATED, Producers.INTAKE, 1),
    CLIENT_DISCHARGED_V1(ClientDischarged.class, Topics.DISCHARGED, Producers.INTAKE, 1),
    SESSION_SCHEDULED_V1(SessionScheduled.class, Topics.SESSION_SCHEDULED, Producers.SCHEDULING, 1),
    SESSION_CANCELLED_V1(SessionCancelled.class, Topics.SESSION_CANCELLED, Producers.SCHEDULING, 1),
    SESSION_MISSED_V1(SessionMissed.class, Topics.SESSION_MISSED, Producers.SCHEDULING, 1),
    SESSION_MISS_CORRECTED_V1(SessionMissCorrected.class, Topics.SESSION_MISS_CORRECTED, Producers.SCHEDULING, 1),
    ATTENDANCE_BELOW_MINIMUM_V1(AttendanceBelowMinimum.class, Topics.ATTENDANCE_BELOW_MINIMUM, Producers.SCHEDULING, 1),
    ATTENDANCE_CONFIRMED_V1(AttendanceConfirmed.class, Topics.ATTENDANCE_CONFIRMED, Producers.NOTIFICATION, 1),
    PLAN_UPDATED_V1(PlanUpdated.class, Topics.PLAN_UPDATED, Producers.TREATMENT_PLAN, 1),
    CARE_TEAM_CHANGED_V1(CareTeamChanged.class, Topics.CARE_TEAM_CHANGED, Producers.INTAKE, 1),
    EMERGENCY_ACCESS_GRANTED_V1(EmergencyAccessGranted.class, Topics.EMERGENCY_ACCESS_GRANTED, Producers.INTAKE, 1);

    private static final String PREFIX = "org.iopcare.";

    private final Class<? extends IntegrationEvent> payloadType;
    private final String topic;
    private final String producer;
    private final int version;

    EventType(Class<? extends IntegrationEvent> payloadType, String topic, String producer, int version) {
        this.payloadType = payloadType;
        this.topic = topic;
        this.producer = producer;
        this.version = version;
    }

    public Class<? extends IntegrationEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    /** The producing service's short name: {@code intake}, {@code scheduling}, … */
    public String producer() {
        return producer;
    }

    public int version() {
        return version;
    }

    /** The producing service, as the CloudEvents {@code source} ({@code /iopcare/intake}). */
    public String source() {
        return "/iopcare/" + producer;
    }

    /** The CloudEvents {@code type}, e.g. {@code org.iopcare.intake.enrolled.v1}. */
    public String ceType() {
        return PREFIX + producer + "." + topic + ".v" + version;
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

    /** The services that publish events; an enum constant cannot refer to its own statics. */
    private static final class Producers {
        static final String INTAKE = "intake";
        static final String SCHEDULING = "scheduling";
        static final String TREATMENT_PLAN = "treatment-plan";
        static final String NOTIFICATION = "notification";
    }
}
