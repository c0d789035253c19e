package org.iopcare.intake.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientTransferred;
import org.iopcare.events.ClientUpdated;
import org.iopcare.events.LevelOfCare;
import org.iopcare.intake.careteam.CareTeams;
import org.iopcare.intake.inquiry.Inquiries;
import org.iopcare.intake.inquiry.Inquiry;
import org.iopcare.intake.inquiry.InquiryStatus;
import org.iopcare.intake.screening.Screening;
import org.iopcare.intake.screening.Screenings;
import org.iopcare.intake.track.KnownTracks;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enrollment, client changes and discharge; each change and its event commit together. */
@Service
public class Clients {

    private final ClientRepository clients;
    private final EnrollmentRepository enrollments;
    private final Inquiries inquiries;
    private final Screenings screenings;
    private final Outbox outbox;
    private final CareTeams careTeams;
    private final KnownTracks tracks;
    private final Clock clock;

    Clients(
            ClientRepository clients,
            EnrollmentRepository enrollments,
            Inquiries inquiries,
            Screenings screenings,
            Outbox outbox,
            CareTeams careTeams,
            KnownTracks tracks,
            Clock clock) {
        this.careTeams = careTeams;
        this.tracks = tracks;
        this.clients = clients;
        this.enrollments = enrollments;
        this.inquiries = inquiries;
        this.screenings = screenings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Enrolls a SCREENING inquiry whose latest screening decided IOP: creates (or renews) the client,
     * opens the enrollment, moves the inquiry to ENROLLED and publishes {@code enrolled}.
     */
    @Transactional
    public Enrollment enroll(EnrollmentRequest request, String coordinator) {
        Inquiry inquiry = inquiries.get(request.inquiryId());
        if (inquiry.status() != InquiryStatus.SCREENING) {
            throw ProblemException.conflict(
                    "not-enrollable", "Only an inquiry in SCREENING can be enrolled; it is " + inquiry.status());
        }
        Screening screening = screenings
                .latestOf(inquiry.id())
                .orElseThrow(() -> ProblemException.unprocessable(
                        "no-screening", "The inquiry has no screening; enrollment needs a screening that decided IOP"));
        LevelOfCare level = screening.decidedLevel();
        if (level == LevelOfCare.CRISIS || level == LevelOfCare.INPATIENT) {
            throw ProblemException.unprocessable(
                    "level-of-care-blocks-enrollment",
                    "The latest screening decided " + level + ", which blocks enrollment in IOP");
        }
        if (level != LevelOfCare.IOP) {
            throw ProblemException.unprocessable(
                    "level-of-care-not-iop", "The latest screening decided " + level + ", not IOP");
        }
        tracks.requireOpen(request.trackCode());
        Instant now = now();
        ZoneId zone = ZoneId.of(request.client().timeZone());
        if (request.startDate().isBefore(LocalDate.now(clock.withZone(zone)))) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "start-date-in-past",
                    "Request cannot be processed",
                    "startDate is in the past in the client's time zone");
        }
        UUID clientId = inquiry.clientId();
        if (enrollments.findByClientIdAndDischargedAtIsNull(clientId).isPresent()) {
            throw ProblemException.conflict("already-enrolled", "The client already has an open enrollment");
        }
        Client client = clients.findById(clientId).orElse(null);
        if (client == null) {
            client = new Client(clientId, request.client(), now);
        } else {
            client.replace(request.client(), now);
        }
        clients.saveAndFlush(client);
        Enrollment enrollment = enrollments.saveAndFlush(
                new Enrollment(UUID.randomUUID(), clientId, screening.id(), request, coordinator, now));
        inquiries.move(inquiry, InquiryStatus.ENROLLED, coordinator, null);
        careTeams.enrolled(clientId, enrollment.primaryClinicianId(), coordinator, now);
        outbox.append(new ClientEnrolled(
                UUID.randomUUID(),
                now,
                clientId,
                enrollment.id(),
                enrollment.trackCode(),
                enrollment.startDate(),
                enrollment.primaryClinicianId(),
                enrollment.ageGroup(),
                client.timeZone(),
                client.preferredName(),
                client.phone(),
                client.email(),
                client.smsConsent(),
                client.emailConsent(),
                // the inquiry's choice: notification's default channel, whichever event it sees first
                inquiry.preferredChannel()));
        return enrollment;
    }

    @Transactional(readOnly = true)
    public ClientView view(UUID id) {
        return ClientView.of(get(id), enrollments.findByClientIdOrderByEnrolledAtDesc(id));
    }

    /**
     * Changes contact details, time zone or consents and publishes the complete current state on
     * {@code client-updated}.
     */
    @Transactional
    public ClientView change(UUID id, ClientChange change) {
        Client client = get(id);
        Instant now = now();
        client.change(change, now);
        if (client.smsConsent() && client.phone() == null) {
            throw ProblemException.unprocessable("sms-consent-without-phone", "SMS consent needs a phone on file");
        }
        if (client.emailConsent() && client.email() == null) {
            throw ProblemException.unprocessable("email-consent-without-email", "Email consent needs an email on file");
        }
        clients.saveAndFlush(client);
        outbox.append(new ClientUpdated(
                UUID.randomUUID(),
                now,
                client.id(),
                client.preferredName(),
                client.phone(),
                client.email(),
                client.timeZone(),
                client.smsConsent(),
                client.emailConsent()));
        return ClientView.of(client, enrollments.findByClientIdOrderByEnrolledAtDesc(id));
    }

    /** Ends the open enrollment and publishes {@code discharged}. */
    @Transactional
    public ClientView discharge(UUID id, DischargeRequest request, String staff) {
        Client client = get(id);
        Enrollment enrollment = enrollments
                .findByClientIdAndDischargedAtIsNull(id)
                .orElseThrow(() -> ProblemException.conflict("not-enrolled", "The client has no open enrollment"));
        Instant now = now();
        LocalDate effective = request.effectiveDate() != null
                ? request.effectiveDate()
                : LocalDate.now(clock.withZone(ZoneId.of(client.timeZone())));
        if (effective.isBefore(enrollment.startDate())) {
            throw ProblemException.unprocessable(
                    "discharge-before-start", "effectiveDate is before the enrollment's start date");
        }
        enrollment.discharge(request.reason(), effective, request.note(), staff, now);
        enrollments.saveAndFlush(enrollment);
        outbox.append(new ClientDischarged(UUID.randomUUID(), now, id, enrollment.id(), effective, request.reason()));
        List<Enrollment> all = enrollments.findByClientIdOrderByEnrolledAtDesc(id);
        return ClientView.of(client, all);
    }

    /**
     * Moves the open enrollment to another track from a date on and publishes {@code
     * client-transferred}; scheduling moves the group sessions.
     */
    @Transactional
    public ClientView transfer(UUID id, TransferRequest request) {
        Client client = get(id);
        Enrollment enrollment = enrollments
                .findByClientIdAndDischargedAtIsNull(id)
                .orElseThrow(() -> ProblemException.conflict("not-enrolled", "The client has no open enrollment"));
        if (enrollment.trackCode().equals(request.trackCode())) {
            throw ProblemException.unprocessable("same-track", "The client is already enrolled on this track");
        }
        tracks.requireOpen(request.trackCode());
        if (request.effectiveDate().isBefore(LocalDate.now(clock.withZone(ZoneId.of(client.timeZone()))))) {
            throw ProblemException.unprocessable(
                    "effective-date-in-past", "effectiveDate is in the past in the client's time zone");
        }
        if (request.effectiveDate().isBefore(enrollment.startDate())) {
            throw ProblemException.unprocessable(
                    "transfer-before-start", "effectiveDate is before the enrollment's start date");
        }
        String previous = enrollment.trackCode();
        enrollment.transfer(request.trackCode());
        enrollments.saveAndFlush(enrollment);
        outbox.append(new ClientTransferred(
                UUID.randomUUID(), now(), id, enrollment.id(), previous, request.trackCode(), request.effectiveDate()));
        return ClientView.of(client, enrollments.findByClientIdOrderByEnrolledAtDesc(id));
    }

    private Client get(UUID id) {
        return clients.findById(id).orElseThrow(() -> ProblemException.notFound("Client"));
    }

    /** PostgreSQL keeps microseconds: answers show what a later read shows. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
