package org.iopcare.notification.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's contact details and consents, as events told this service. */
@Entity
@Table(name = "recipient")
public class Recipient {

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "preferred_name")
    private String preferredName;

    private String phone;

    private String email;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;

    @Column(name = "sms_consent", nullable = false)
    private boolean smsConsent;

    @Column(name = "email_consent", nullable = false)
    private boolean emailConsent;

    @Column(name = "sms_opted_out_at")
    private Instant smsOptedOutAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Recipient() {}

    public Recipient(UUID clientId) {
        this.clientId = clientId;
    }

    /** Takes the contact details of an inquiry; blanks never erase what is known. */
    public void contactFromInquiry(String preferredName, String phone, String email, boolean consent, Instant now) {
        this.preferredName = preferredName != null ? preferredName : this.preferredName;
        this.phone = phone != null ? phone : this.phone;
        this.email = email != null ? email : this.email;
        this.contactConsent = consent;
        // consent to be contacted about an inquiry covers the channels the inquirer gave
        this.smsConsent = consent;
        this.emailConsent = consent;
        this.updatedAt = now;
    }

    public UUID clientId() {
        return clientId;
    }

    public String preferredName() {
        return preferredName;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String timeZone() {
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

    public Instant smsOptedOutAt() {
        return smsOptedOutAt;
    }
}
