package org.iopcare.intake.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.InquiryReceived;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.web.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inquiry use cases. Each change and its event commit together through the outbox. */
@Service
public class Inquiries {

    private final InquiryRepository repository;
    private final Outbox outbox;
    private final Clock clock;
    private final InquiryProperties properties;

    Inquiries(InquiryRepository repository, Outbox outbox, Clock clock, InquiryProperties properties) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public Inquiry receive(NewInquiry request) {
        Instant now = Instant.now(clock);
        String phone = blankToNull(request.phone());
        String email = blankToNull(request.email());
        Optional<Inquiry> earlier =
                repository.findRecentFromSameContact(phone, email, now.minus(properties.duplicateWindow()));
        UUID clientId = earlier.map(Inquiry::clientId).orElseGet(UUID::randomUUID);
        NewInquiry normalised = new NewInquiry(
                request.firstName(),
                request.lastName(),
                phone,
                email,
                request.preferredChannel(),
                request.contactConsent(),
                request.helpWith(),
                request.referralSource());
        Inquiry inquiry = repository.save(new Inquiry(
                UUID.randomUUID(),
                clientId,
                normalised,
                earlier.map(Inquiry::id).orElse(null),
                now));
        outbox.append(new InquiryReceived(
                UUID.randomUUID(),
                now,
                clientId,
                inquiry.id(),
                inquiry.firstName(),
                inquiry.phone(),
                inquiry.email(),
                inquiry.preferredChannel(),
                inquiry.contactConsent(),
                inquiry.duplicateOf()));
        return inquiry;
    }

    @Transactional(readOnly = true)
    public Inquiry get(UUID id) {
        return repository.findById(id).orElseThrow(() -> ProblemException.notFound("Inquiry", id));
    }

    @Transactional(readOnly = true)
    public Page<Inquiry> list(InquiryStatus status, Pageable page) {
        return status == null ? repository.findAll(page) : repository.findByStatus(status, page);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
