package org.iopcare.notification.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client's contact details and consents, as events told this service. */
@Entity
@Table(name = "recipient")
public class Recipient {

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "preferred_name")
    private @Nullable String preferredName;

    private @Nullable String phone;

    private @Nullable String email;

    @Column(name = "time_zone")
    private @Nullable String timeZone;

    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;

    @Column(name = "sms_consent", nullable = false)
    private boolean smsConsent;

    @Column(name = "email_consent", nullable = false)
    private boolean emailConsent;

    @Column(name = "sms_opted_out_at")
    private @Nullable Instant smsOptedOutAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "enrollment_id")
    private @Nullable UUID enrollmentId;

    @Column(name = "primary_clinician_id")
    private @Nullable String primaryClinicianId;

    @Column(nullable = false)
    private boolean enrolled;

    @Column(name = "discharged_enrollment_id")
    private @Nullable UUID dischargedEnrollmentId;

    @Column(name = "discharged_at")
    private @Nullable Instant dischargedAt;

    /** The day a discharge dated ahead takes effect (the client's zone); null when none waits. */
    @Column(name = "discharge_on")
    private @Nullable LocalDate dischargeOn;

    @Column(name = "discharge_on_enrollment_id")
    private @Nullable UUID dischargeOnEnrollmentId;

    @Column(name = "discharge_on_recorded_at")
    private @Nullable Instant dischargeOnRecordedAt;

    /** When the newest enrollment or client update applied here happened (not when it arrived). */
    @Column(name = "contact_as_of")
    private @Nullable Instant contactAsOf;

    /** The channel the client asked to be contacted on in their inquiry ({@code SMS}, {@code EMAIL}, {@code PHONE}). */
    /** When the client unsubscribed from email with the one-click link; never undone by a client update. */
    @Column(name = "email_opted_out_at")
    private @Nullable Instant emailOptedOutAt;

    @Column(name = "preferred_channel")
    private @Nullable String preferredChannel;

    protected Recipient() {}

    public Recipient(UUID clientId) {
        this.clientId = clientId;
    }

    /**
     * A recipient first known from an inquiry. Only a client id never seen before takes an
     * inquiry's contact: the form is anonymous, so it must never change a known person's details
     * (enrollments and client updates, entered by staff, do that).
     */
    public static Recipient fromInquiry(
            UUID clientId,
            @Nullable String preferredName,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String preferredChannel,
            boolean consent,
            Instant now) {
        Recipient recipient = new Recipient(clientId);
        recipient.preferredChannel = preferredChannel;
        recipient.preferredName = preferredName;
        recipient.phone = phone;
        recipient.email = email;
        recipient.contactConsent = consent;
        // consent to be contacted about an inquiry covers the channels the inquirer gave
        recipient.smsConsent = consent;
        recipient.emailConsent = consent;
        recipient.updatedAt = now;
        return recipient;
    }

    /**
     * Takes an enrollment: contact, consents, time zone, clinician; enrolled unless this very
     * enrollment was already discharged (the discharge arrived first).
     */
    public void enroll(UUID enrollmentId, String primaryClinicianId, Contact contact, Instant occurredAt, Instant now) {
        if (contactAsOf == null || !occurredAt.isBefore(contactAsOf)) {
            applyContact(contact, occurredAt);
        }
        this.enrollmentId = enrollmentId;
        this.primaryClinicianId = primaryClinicianId;
        this.contactConsent = true;
        this.enrolled = !enrollmentId.equals(dischargedEnrollmentId);
        this.updatedAt = now;
    }

    /** Takes a client update (the complete current state) unless a newer one was applied already. */
    public void update(Contact contact, Instant occurredAt, Instant now) {
        if (contactAsOf == null || !occurredAt.isBefore(contactAsOf)) {
            applyContact(contact, occurredAt);
        }
        this.updatedAt = now;
    }

    /** Ends the enrollment: no client message is sent any more (discharge may arrive before enrollment). */
    public void discharge(UUID enrollmentId, Instant occurredAt, Instant now) {
        this.dischargedEnrollmentId = enrollmentId;
        this.dischargedAt = occurredAt;
        if (this.enrollmentId == null || this.enrollmentId.equals(enrollmentId)) {
            this.enrolled = false;
        }
        this.updatedAt = now;
    }

    /**
     * A discharge dated ahead: the client stays enrolled until {@code day}, when
     * {@link #dischargeIfDue} ends the enrollment.
     */
    public void dischargeOn(LocalDate day, UUID enrollmentId, Instant occurredAt, Instant now) {
        this.dischargeOn = day;
        this.dischargeOnEnrollmentId = enrollmentId;
        this.dischargeOnRecordedAt = occurredAt;
        this.updatedAt = now;
    }

    /**
     * The day of a discharge dated ahead has come: ends the enrollment it named, unless the client
     * enrolled again since (another enrollment), which forgets it. Returns whether it ended one.
     */
    public boolean dischargeAsPlanned(Instant now) {
        if (dischargeOn == null) {
            return false;
        }
        UUID ending = dischargeOnEnrollmentId;
        Instant recorded = dischargeOnRecordedAt;
        this.dischargeOn = null;
        this.dischargeOnEnrollmentId = null;
        this.dischargeOnRecordedAt = null;
        this.updatedAt = now;
        if (enrollmentId != null && !enrollmentId.equals(ending)) {
            return false;
        }
        discharge(ending, recorded, now);
        return true;
    }

    /** The day a discharge dated ahead takes effect, if one waits. */
    public @Nullable LocalDate dischargeOn() {
        return dischargeOn;
    }

    private void applyContact(Contact contact, Instant occurredAt) {
        this.preferredName = contact.preferredName();
        this.phone = contact.phone();
        this.email = contact.email();
        this.timeZone = contact.timeZone();
        this.smsConsent = contact.smsConsent();
        this.emailConsent = contact.emailConsent();
        this.contactAsOf = occurredAt;
    }

    /** Whether an enrollment of this client ended (and no later one began). */
    public boolean discharged() {
        return !enrolled && dischargedAt != null;
    }

    /** Whether the client is enrolled now (not discharged). */
    public boolean enrolled() {
        return enrolled;
    }

    public @Nullable UUID enrollmentId() {
        return enrollmentId;
    }

    public @Nullable String primaryClinicianId() {
        return primaryClinicianId;
    }

    /** Whether an SMS may go to this client now: a number, consent, no STOP. */
    public boolean reachableBySms() {
        return phone != null && smsConsent && smsOptedOutAt == null;
    }

    /** Whether an email may go to this client now: an address, consent, not unsubscribed. */
    public boolean reachableByEmail() {
        return email != null && emailConsent && emailOptedOutAt == null;
    }

    public UUID clientId() {
        return clientId;
    }

    public @Nullable String preferredName() {
        return preferredName;
    }

    public @Nullable String phone() {
        return phone;
    }

    public @Nullable String email() {
        return email;
    }

    public @Nullable String timeZone() {
        return timeZone;
    }

    public boolean contactConsent() {
        return contactConsent;
    }

    public boolean smsConsent() {
        return smsConsent;
    }

    public boolean emailConsent() {
        return emailConsent;
    }

    /**
     * The channel the client asked to be contacted on, as the enrollment carries it (intake's
     * record of the inquiry's choice): it replaces what the inquiry said, or stands in for an
     * inquiry not seen yet. Null: unchanged.
     */
    public void preferChannel(@Nullable String channel) {
        if (channel != null) {
            preferredChannel = channel;
        }
    }

    /** The channel the client named in their inquiry (or the enrollment carried); null when never told. */
    public @Nullable String preferredChannel() {
        return preferredChannel;
    }

    public @Nullable Instant smsOptedOutAt() {
        return smsOptedOutAt;
    }
}
