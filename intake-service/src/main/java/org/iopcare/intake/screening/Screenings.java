package org.iopcare.intake.screening;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.ScreeningCompleted;
import org.iopcare.intake.inquiry.Inquiries;
import org.iopcare.intake.inquiry.Inquiry;
import org.iopcare.intake.inquiry.InquiryStatus;
import org.iopcare.intake.work.UrgentScreeningItems;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening use cases: record, read, override. Each publishes {@code screening-completed}; an urgent
 * one raises a work item for the clinician.
 */
@Service
public class Screenings {

    private final ScreeningRepository repository;
    private final Inquiries inquiries;
    private final LevelOfCareRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final UrgentScreeningItems urgentItems;

    Screenings(
            ScreeningRepository repository,
            Inquiries inquiries,
            LevelOfCareRules rules,
            Outbox outbox,
            Clock clock,
            UrgentScreeningItems urgentItems) {
        this.repository = repository;
        this.inquiries = inquiries;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.urgentItems = urgentItems;
    }

    /**
     * Records a screening of a CONTACTED or SCREENING inquiry (409 otherwise) and moves a CONTACTED
     * one to SCREENING.
     */
    @Transactional
    public Screening record(UUID inquiryId, ScreeningRequest request, String clinician) {
        Inquiry inquiry = inquiries.get(inquiryId);
        if (inquiry.status() == InquiryStatus.CONTACTED) {
            inquiries.move(inquiry, InquiryStatus.SCREENING, clinician, null);
        } else if (inquiry.status() != InquiryStatus.SCREENING) {
            throw ProblemException.conflict(
                    "not-screenable",
                    "Only a CONTACTED or SCREENING inquiry can be screened; it is " + inquiry.status());
        }
        ScreeningFacts facts = ScreeningFacts.of(request);
        Recommendation recommendation = Recommendation.of(facts, rules);
        Screening screening = repository.save(new Screening(
                UUID.randomUUID(), inquiry.id(), inquiry.clientId(), request, facts, recommendation, clinician, now()));
        publish(screening, screening.screenedAt());
        return screening;
    }

    @Transactional(readOnly = true)
    public Screening get(UUID id) {
        return repository.findById(id).orElseThrow(() -> ProblemException.notFound("Screening"));
    }

    /** The inquiry's latest screening, whose decided level governs enrollment. */
    @Transactional(readOnly = true)
    public Optional<Screening> latestOf(UUID inquiryId) {
        return repository.findFirstByInquiryIdOrderByScreenedAtDesc(inquiryId);
    }

    /** Decides another level than recommended; both stay on the screening. */
    @Transactional
    public Screening override(UUID id, LevelOverride override, String clinician) {
        Screening screening = get(id);
        Instant now = now();
        screening.override(override.level(), override.reason().strip(), clinician, now);
        repository.saveAndFlush(screening);
        publish(screening, now);
        return screening;
    }

    private void publish(Screening screening, Instant at) {
        urgentItems.screened(screening.id(), screening.clientId(), screening.urgent(), screening.decidedLevel());
        outbox.append(new ScreeningCompleted(
                UUID.randomUUID(),
                at,
                screening.clientId(),
                screening.id(),
                screening.inquiryId(),
                screening.recommendedLevel(),
                screening.decidedLevel(),
                screening.reasonCodes(),
                screening.urgent()));
    }

    /** PostgreSQL keeps microseconds: answers show what a later read shows. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
