package org.iopcare.scheduling.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientEnrolled;

/**
 * A client's current enrollment as scheduling sees it: the track, start date and clinician its
 * schedule is built from. Follows the client's latest enrollment.
 */
@Entity
@Table(name = "client_enrollment")
public class ClientEnrollment {

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "enrollment_id", nullable = false)
    private UUID enrollmentId;

    @Column(name = "track_code", nullable = false)
    private String trackCode;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "primary_clinician_id", nullable = false)
    private String primaryClinicianId;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_group", nullable = false)
    private AgeGroup ageGroup;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    // A wrapper, so Spring Data sees a new row by its null version and inserts without a SELECT.
    @Version
    private Long version;

    /**
     * A bean getter because Spring Data reads the version through one to tell a new row from a
     * stored one; without it, every save would build and throw an exception before falling back to
     * the field.
     */
    public Long getVersion() {
        return version;
    }

    protected ClientEnrollment() {}

    /** The first enrollment scheduling hears of for this client. */
    public static ClientEnrollment from(ClientEnrolled event, Instant now) {
        requireComplete(event);
        ClientEnrollment enrollment = new ClientEnrollment();
        enrollment.clientId = event.clientId();
        enrollment.take(event, now);
        return enrollment;
    }

    /**
     * Takes a later enrollment of the same client. An event that happened before the one already
     * applied (a dead letter replayed after the client re-enrolled) is ignored, so a replay never
     * rolls the schedule back to an old track or start date.
     *
     * @return whether the event was applied
     */
    boolean follow(ClientEnrolled event, Instant now) {
        requireComplete(event);
        if (!event.clientId().equals(clientId)) {
            throw new IllegalArgumentException("Event " + event.eventId() + " is about another client");
        }
        if (event.occurredAt().isBefore(enrolledAt)) {
            return false;
        }
        take(event, now);
        return true;
    }

    private void take(ClientEnrolled event, Instant now) {
        this.enrollmentId = event.enrollmentId();
        this.trackCode = event.trackCode();
        this.startDate = event.startDate();
        this.primaryClinicianId = event.primaryClinicianId();
        this.ageGroup = event.ageGroup();
        this.timeZone = event.timeZone();
        this.enrolledAt = event.occurredAt();
        this.recordedAt = now;
    }

    /** The same enrollment on another track (client-transferred). */
    void transfer(String trackCode, Instant now) {
        this.trackCode = trackCode;
        this.recordedAt = now;
    }

    /** The same enrollment with another primary clinician (care-team-changed). */
    void reassign(String clinicianId, Instant now) {
        this.primaryClinicianId = clinicianId;
        this.recordedAt = now;
    }

    /** Refuses an event that cannot build a schedule; the message names fields, never values. */
    static void requireComplete(ClientEnrolled event) {
        require(event.eventId() != null, event, "eventId");
        require(event.occurredAt() != null, event, "occurredAt");
        require(event.clientId() != null, event, "clientId");
        require(event.enrollmentId() != null, event, "enrollmentId");
        require(event.trackCode() != null && !event.trackCode().isBlank(), event, "trackCode");
        require(event.startDate() != null, event, "startDate");
        require(
                event.primaryClinicianId() != null
                        && !event.primaryClinicianId().isBlank(),
                event,
                "primaryClinicianId");
        require(event.ageGroup() != null, event, "ageGroup");
        require(isZone(event.timeZone()), event, "timeZone");
    }

    private static void require(boolean condition, ClientEnrolled event, String field) {
        if (!condition) {
            throw new IllegalArgumentException("Enrolled event " + event.eventId() + " lacks a valid " + field);
        }
    }

    private static boolean isZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public UUID clientId() {
        return clientId;
    }

    public UUID enrollmentId() {
        return enrollmentId;
    }

    public String trackCode() {
        return trackCode;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public String primaryClinicianId() {
        return primaryClinicianId;
    }

    public AgeGroup ageGroup() {
        return ageGroup;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
