package org.iopcare.intake.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.ContactChannel;

/** A request for help, from the public form, a logged phone call or a referral. */
@Entity
@Table(name = "inquiry")
public class Inquiry {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    private String phone;

    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false)
    private ContactChannel preferredChannel;

    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;

    @Column(name = "help_with")
    private String helpWith;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_source", nullable = false)
    private ReferralSource referralSource;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InquiryStatus status;

    @Column(name = "duplicate_of")
    private UUID duplicateOf;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * Null until the inquiry is first stored: with an id of its own and no version, Spring Data would
     * take a new inquiry for a stored one and read it back before inserting it.
     */
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

    protected Inquiry() {}

    Inquiry(UUID id, UUID clientId, NewInquiry request, UUID duplicateOf, Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.firstName = request.firstName().strip();
        this.lastName = request.lastName().strip();
        this.phone = request.phone();
        this.email = request.email();
        this.preferredChannel = request.preferredChannel();
        this.contactConsent = Boolean.TRUE.equals(request.contactConsent());
        this.helpWith = request.helpWith();
        this.referralSource = request.referralSource();
        this.status = InquiryStatus.NEW;
        this.duplicateOf = duplicateOf;
        this.receivedAt = now;
        this.updatedAt = now;
    }

    /** Moves the inquiry along the pipeline; the caller has checked the transition. */
    void moveTo(InquiryStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID clientId() {
        return clientId;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public ContactChannel preferredChannel() {
        return preferredChannel;
    }

    public boolean contactConsent() {
        return contactConsent;
    }

    public String helpWith() {
        return helpWith;
    }

    public ReferralSource referralSource() {
        return referralSource;
    }

    public InquiryStatus status() {
        return status;
    }

    public UUID duplicateOf() {
        return duplicateOf;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
