package org.iopcare.intake.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An enrolled person: contact details, time zone and consents. The id is the inquirer's person id. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    private UUID id;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "preferred_name")
    private String preferredName;

    private String phone;

    private String email;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "sms_consent")
    private boolean smsConsent;

    @Column(name = "sms_consent_at", nullable = false)
    private Instant smsConsentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "sms_consent_source", nullable = false)
    private ConsentSource smsConsentSource;

    @Column(name = "email_consent")
    private boolean emailConsent;

    @Column(name = "email_consent_at", nullable = false)
    private Instant emailConsentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_consent_source", nullable = false)
    private ConsentSource emailConsentSource;

    @Column(name = "part2_consent")
    private boolean part2Consent;

    @Column(name = "part2_consent_at", nullable = false)
    private Instant part2ConsentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "part2_consent_source", nullable = false)
    private ConsentSource part2ConsentSource;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Client() {}

    Client(UUID id, ClientDetails details, Instant now) {
        this.id = id;
        this.createdAt = now;
        replace(details, now);
    }

    /** Takes all details from an enrollment (a returning client's details are renewed). */
    void replace(ClientDetails d, Instant now) {
        this.firstName = d.firstName().strip();
        this.lastName = d.lastName().strip();
        this.preferredName = blankToNull(d.preferredName());
        this.phone = blankToNull(d.phone());
        this.email = blankToNull(d.email());
        this.timeZone = d.timeZone();
        takeSms(d.smsConsent());
        takeEmail(d.emailConsent());
        takePart2(d.part2Consent());
        this.updatedAt = now;
    }

    void change(ClientChange c, Instant now) {
        if (c.preferredName() != null) {
            this.preferredName = blankToNull(c.preferredName());
        }
        if (c.phone() != null) {
            this.phone = blankToNull(c.phone());
        }
        if (c.email() != null) {
            this.email = blankToNull(c.email());
        }
        if (c.timeZone() != null) {
            this.timeZone = c.timeZone();
        }
        if (c.smsConsent() != null) {
            takeSms(c.smsConsent());
        }
        if (c.emailConsent() != null) {
            takeEmail(c.emailConsent());
        }
        if (c.part2Consent() != null) {
            takePart2(c.part2Consent());
        }
        this.updatedAt = now;
    }

    /**
     * Records an opt-out or opt-in the client made by answering a message ({@code
     * contact-consent-changed}). A change older than the consent on record changes nothing (a later
     * record by staff stands); an opt-in restores only a consent that an opt-out withdrew, never one
     * the client did not give. Returns whether the consent changed.
     */
    boolean answeredMessage(boolean sms, boolean optedIn, ConsentSource source, Instant at, Instant now) {
        Consent current = sms ? smsConsentRecord() : emailConsentRecord();
        if (at.isBefore(current.recordedAt()) || current.given() == optedIn) {
            return false;
        }
        boolean withdrawnByMessage =
                current.source() == ConsentSource.MESSAGE_REPLY || current.source() == ConsentSource.EMAIL_UNSUBSCRIBE;
        if (optedIn && !withdrawnByMessage) {
            return false;
        }
        Consent changed = new Consent(optedIn, at, source);
        if (sms) {
            takeSms(changed);
        } else {
            takeEmail(changed);
        }
        this.updatedAt = now;
        return true;
    }

    private void takeSms(Consent c) {
        smsConsent = c.given();
        smsConsentAt = c.recordedAt();
        smsConsentSource = c.source();
    }

    private void takeEmail(Consent c) {
        emailConsent = c.given();
        emailConsentAt = c.recordedAt();
        emailConsentSource = c.source();
    }

    private void takePart2(Consent c) {
        part2Consent = c.given();
        part2ConsentAt = c.recordedAt();
        part2ConsentSource = c.source();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public UUID id() {
        return id;
    }

    String firstName() {
        return firstName;
    }

    String lastName() {
        return lastName;
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

    public boolean smsConsent() {
        return smsConsent;
    }

    public boolean emailConsent() {
        return emailConsent;
    }

    Consent smsConsentRecord() {
        return new Consent(smsConsent, smsConsentAt, smsConsentSource);
    }

    Consent emailConsentRecord() {
        return new Consent(emailConsent, emailConsentAt, emailConsentSource);
    }

    Consent part2ConsentRecord() {
        return new Consent(part2Consent, part2ConsentAt, part2ConsentSource);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
