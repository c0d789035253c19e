package org.iopcare.treatmentplan.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.support.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The treatment plan use cases. */
@Service
public class TreatmentPlans {

    static final String CONSUMER = "treatment-plan-service:enrolled";

    private static final Logger log = LoggerFactory.getLogger(TreatmentPlans.class);

    private final TreatmentPlanRepository repository;
    private final ProcessedEvents processed;
    private final ReviewSchedule reviews;
    private final Clock clock;

    TreatmentPlans(TreatmentPlanRepository repository, ProcessedEvents processed, ReviewSchedule reviews, Clock clock) {
        this.repository = repository;
        this.processed = processed;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Opens a draft plan for a newly enrolled client, once per event: the claim and the plan commit
     * together, so a redelivered event finds its claim and opens nothing.
     */
    @Transactional
    public void openDraft(ClientEnrolled event) {
        TreatmentPlan.requireComplete(event);
        if (!processed.claim(CONSUMER, event.eventId())) {
            log.debug("Enrolled event {} already processed", event.eventId());
            return;
        }
        if (repository.existsByClientId(event.clientId())) {
            // A later enrollment of the same client: the plan is the clinicians' document and
            // changes through its own versions, not through intake's events.
            log.info("Enrolled event {} is for a client who already has a plan; plan left as it is", event.eventId());
            return;
        }
        repository.save(TreatmentPlan.open(event, reviews, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public TreatmentPlan forClient(UUID clientId) {
        return repository
                .findByClientId(clientId)
                .orElseThrow(() -> ProblemException.notFound("Plan for client", clientId));
    }
}
