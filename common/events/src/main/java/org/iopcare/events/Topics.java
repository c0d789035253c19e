package org.iopcare.events;

import java.util.List;

/** Kafka topic names: the published language's addresses. Record key is the client id (a track's id on track-changed). */
public final class Topics {

    public static final String INQUIRY_RECEIVED = "inquiry-received";
    public static final String INQUIRY_STATUS_CHANGED = "inquiry-status-changed";
    public static final String SCREENING_COMPLETED = "screening-completed";
    public static final String ENROLLED = "enrolled";
    public static final String CLIENT_UPDATED = "client-updated";
    public static final String DISCHARGED = "discharged";
    public static final String CLIENT_TRANSFERRED = "client-transferred";
    public static final String SESSION_SCHEDULED = "session-scheduled";
    public static final String SESSION_CANCELLED = "session-cancelled";
    public static final String SESSION_RESCHEDULED = "session-rescheduled";
    public static final String SESSION_MISSED = "session-missed";
    public static final String SESSION_MISS_CORRECTED = "session-miss-corrected";
    public static final String ATTENDANCE_BELOW_MINIMUM = "attendance-below-minimum";
    public static final String TRACK_CHANGED = "track-changed";
    public static final String ATTENDANCE_CONFIRMED = "attendance-confirmed";
    public static final String CONTACT_CONSENT_CHANGED = "contact-consent-changed";
    public static final String PLAN_UPDATED = "plan-updated";
    public static final String CARE_TEAM_CHANGED = "care-team-changed";
    public static final String EMERGENCY_ACCESS_GRANTED = "emergency-access-granted";
    public static final String STAFF_ALERTED = "staff-alerted";

    /** Every topic of the platform, for provisioning and documentation. */
    public static final List<String> ALL = List.of(
            INQUIRY_RECEIVED,
            INQUIRY_STATUS_CHANGED,
            SCREENING_COMPLETED,
            ENROLLED,
            CLIENT_UPDATED,
            DISCHARGED,
            CLIENT_TRANSFERRED,
            SESSION_SCHEDULED,
            SESSION_CANCELLED,
            SESSION_RESCHEDULED,
            SESSION_MISSED,
            SESSION_MISS_CORRECTED,
            ATTENDANCE_BELOW_MINIMUM,
            TRACK_CHANGED,
            ATTENDANCE_CONFIRMED,
            CONTACT_CONSENT_CHANGED,
            PLAN_UPDATED,
            CARE_TEAM_CHANGED,
            EMERGENCY_ACCESS_GRANTED,
            STAFF_ALERTED);

    private Topics() {}
}
