package org.iopcare.intake.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.DischargeReason;

/** A client's stay in a program track, open until discharged. */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "inquiry_id", nullable = false)
    private UUID inquiryId;

    @Column(name = "screening_id", nullable = false)
    private UUID screeningId;

    @Column(name = "track_code", nullable = false)
    private String trackCode;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "primary_clinician_id", nullable = false)
    private String primaryClinicianId;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_group", nullable = false)
    private AgeGroup ageGroup;

    @Column(name = "enrolled_by", nullable = false)
    private String enrolledBy;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "discharge_reason")
    private DischargeReason dischargeReason;

    @Column(name = "discharge_effective")
    private LocalDate dischargeEffective;

    @Column(name = "discharge_note")
    private String dischargeNote;

    @Column(name = "discharged_by")
    private String dischargedBy;

    @Column(name = "discharged_at")
    private Instant dischargedAt;

    @Version
    private long version;

    protected Enrollment() {}

    Enrollment(UUID id, UUID clientId, UUID screeningId, EnrollmentRequest request, String by, Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.inquiryId = request.inquiryId();
        this.screeningId = screeningId;
        this.trackCode = request.trackCode();
        this.startDate = request.startDate();
        this.primaryClinicianId = request.primaryClinicianId().strip();
        this.ageGroup = request.ageGroup();
        this.enrolledBy = by;
        this.enrolledAt = now;
    }

    void discharge(DischargeReason reason, LocalDate effective, String note, String by, Instant now) {
        this.dischargeReason = reason;
        this.dischargeEffective = effective;
        this.dischargeNote = note == null || note.isBlank() ? null : note.strip();
        this.dischargedBy = by;
        this.dischargedAt = now;
    }

    /** Moves the enrollment to another track (the sessions change from a date, in scheduling). */
    void transfer(String trackCode) {
        this.trackCode = trackCode;
    }

    public UUID id() {
        return id;
    }

    public UUID clientId() {
        return clientId;
    }

    UUID inquiryId() {
        return inquiryId;
    }

    UUID screeningId() {
        return screeningId;
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

    Instant enrolledAt() {
        return enrolledAt;
    }

    DischargeReason dischargeReason() {
        return dischargeReason;
    }

    LocalDate dischargeEffective() {
        return dischargeEffective;
    }

    Instant dischargedAt() {
        return dischargedAt;
    }

    boolean open() {
        return dischargedAt == null;
    }
}
