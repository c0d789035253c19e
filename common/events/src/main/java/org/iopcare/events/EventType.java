package org.iopcare.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    CLIENT_TRANSFERRED_V1(ClientTransferred.class, Topics.CLIENT_TRANSFERRED, Producers.INTAKE, 1),
    SESSION_SCHEDULED_V1(SessionScheduled.class, Topics.SESSION_SCHEDULED, Producers.SCHEDULING, 1),
    SESSION_CANCELLED_V1(SessionCancelled.class, Topics.SESSION_CANCELLED, Producers.SCHEDULING, 1),
    SESSION_RESCHEDULED_V1(SessionRescheduled.class, Topics.SESSION_RESCHEDULED, Producers.SCHEDULING, 1),
    SESSION_MISSED_V1(SessionMissed.class, Topics.SESSION_MISSED, Producers.SCHEDULING, 1),
    SESSION_MISS_CORRECTED_V1(SessionMissCorrected.class, Topics.SESSION_MISS_CORRECTED, Producers.SCHEDULING, 1),
    ATTENDANCE_BELOW_MINIMUM_V1(AttendanceBelowMinimum.class, Topics.ATTENDANCE_BELOW_MINIMUM, Producers.SCHEDULING, 1),
    TRACK_CHANGED_V1(TrackChanged.class, Topics.TRACK_CHANGED, Producers.SCHEDULING, 1),
    ATTENDANCE_CONFIRMED_V1(AttendanceConfirmed.class, Topics.ATTENDANCE_CONFIRMED, Producers.NOTIFICATION, 1),
    CONTACT_CONSENT_CHANGED_V1(ContactConsentChanged.class, Topics.CONTACT_CONSENT_CHANGED, Producers.NOTIFICATION, 1),
    PLAN_UPDATED_V1(PlanUpdated.class, Topics.PLAN_UPDATED, Producers.TREATMENT_PLAN, 1),
    CARE_TEAM_CHANGED_V1(CareTeamChanged.class, Topics.CARE_TEAM_CHANGED, Producers.INTAKE, 1),
    EMERGENCY_ACCESS_GRANTED_V1(EmergencyAccessGranted.class, Topics.EMERGENCY_ACCESS_GRANTED, Producers.INTAKE, 1),
    // One record, one topic, four producers: each service escalates its own work items. The record
    // names its producer and of() picks the type by it (see StaffAlerted).
    STAFF_ALERTED_BY_INTAKE_V1(StaffAlerted.class, Topics.STAFF_ALERTED, Producers.INTAKE, 1),
    STAFF_ALERTED_BY_SCHEDULING_V1(StaffAlerted.class, Topics.STAFF_ALERTED, Producers.SCHEDULING, 1),
    STAFF_ALERTED_BY_TREATMENT_PLAN_V1(StaffAlerted.class, Topics.STAFF_ALERTED, Producers.TREATMENT_PLAN, 1),
    STAFF_ALERTED_BY_NOTIFICATION_V1(StaffAlerted.class, Topics.STAFF_ALERTED, Producers.NOTIFICATION, 1);

    /** The services that may publish a {@link StaffAlerted}: every service, each under its own type. */
    public static final Set<String> STAFF_ALERT_PRODUCERS =
            Set.of(Producers.INTAKE, Producers.SCHEDULING, Producers.TREATMENT_PLAN, Producers.NOTIFICATION);

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

    /**
     * The event's type. A payload published by several services ({@link StaffAlerted}) names its
     * producer, which picks one of its types.
     */
    public static EventType of(IntegrationEvent event) {
        if (event instanceof StaffAlerted alert) {
            return typesOf(StaffAlerted.class).stream()
                    .filter(type -> type.producer.equals(alert.producer()))
                    .findFirst()
                    .orElseThrow();
        }
        return forPayload(event.getClass())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Not in the event catalogue: " + event.getClass().getName()));
    }

    /** Every type of a payload: one, or one per producer for a payload several services publish. */
    public static List<EventType> typesOf(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType == payloadType)
                .toList();
    }

    /** The payload's type, or for a payload several services publish the first of its types. */
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
