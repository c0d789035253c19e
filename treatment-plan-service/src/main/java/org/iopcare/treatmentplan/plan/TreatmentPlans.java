package org.iopcare.treatmentplan.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.PlanChangeType;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.support.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The treatment plan use cases. */
@Service
public class TreatmentPlans {

    static final String CONSUMER = "treatment-plan-service:enrolled";
    static final String DISCHARGED_CONSUMER = "treatment-plan-service:discharged";

    private static final Logger log = LoggerFactory.getLogger(TreatmentPlans.class);

    private final TreatmentPlanRepository repository;
    private final PlanVersionStore versions;
    private final PlanFlags flags;
    private final PlanEvents events;
    private final ProcessedEvents processed;
    private final ReviewSchedule reviews;
    private final PlanWorkItems work;
    private final Cosignatures cosignatures;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TreatmentPlans(
            TreatmentPlanRepository repository,
            PlanVersionStore versions,
            PlanFlags flags,
            PlanEvents events,
            ProcessedEvents processed,
            ReviewSchedule reviews,
            PlanWorkItems work,
            Cosignatures cosignatures,
            JdbcTemplate jdbc,
            Clock clock) {
        this.repository = repository;
        this.versions = versions;
        this.flags = flags;
        this.events = events;
        this.processed = processed;
        this.reviews = reviews;
        this.work = work;
        this.cosignatures = cosignatures;
        this.jdbc = jdbc;
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
        // a new enrollment before a discharge dated ahead takes effect forgets it (as scheduling does)
        jdbc.update(
                "DELETE FROM plan_discharge_due WHERE client_id = ? AND enrollment_id <> ?",
                event.clientId(),
                event.enrollmentId());
        if (repository.existsByClientIdAndStatusNot(event.clientId(), PlanStatus.CLOSED)) {
            // A later enrollment of the same client: the plan is the clinicians' document and
            // changes through its own versions, not through intake's events.
            log.info(
                    "Enrolled event {} is for a client who already has an open plan; plan left as it is",
                    event.eventId());
            return;
        }
        repository.save(TreatmentPlan.open(event, reviews, Instant.now(clock)));
    }

    /**
     * Claims a {@code discharged} event for this service: false when it was handled before (a
     * redelivery), which then changes nothing.
     */
    public boolean claimDischarge(ClientDischarged event) {
        return processed.claim(DISCHARGED_CONSUMER, event.eventId());
    }

    /**
     * Closes the client's open plan as the discharge takes effect (at once, or on its effective
     * date); a client without one is left alone. The client's open plan work items are cancelled
     * either way. Returns the plan it closed.
     */
    @Transactional
    public Optional<TreatmentPlan> close(ClientDischarged event) {
        work.discharged(event.clientId());
        Optional<TreatmentPlan> open = repository.findOpenForUpdate(event.clientId());
        if (open.isEmpty()) {
            log.info("Discharged event {} found no open plan", event.eventId());
            return Optional.empty();
        }
        TreatmentPlan plan = open.get();
        plan.close(Instant.now(clock));
        flags.clear(plan.id());
        events.publish(plan, PlanChangeType.CLOSED, List.of(), false);
        return open;
    }

    /** Saves a new immutable version; 409 when the write is based on anything but the current one. */
    @Transactional
    public PlanVersion writeVersion(UUID planId, NewPlanVersion request, String author) {
        TreatmentPlan plan = locked(planId);
        int number = plan.nextVersion(request.basedOnVersion());
        PlanVersion version = new PlanVersion(
                plan.id(), number, number - 1, author, Instant.now(clock), request.reason(), request.content());
        versions.append(version);
        if (cosignatures.requiredForCaller()) {
            cosignatures.versionPending(plan, number);
        }
        events.publish(plan, PlanChangeType.VERSION_CREATED, List.of(), false);
        return version;
    }

    /**
     * Activates the current version with the client's acknowledgement: a review, which resolves open
     * flags and closes the work items of the flags and of the review that was due.
     */
    @Transactional
    public TreatmentPlan activate(UUID planId, Activation request) {
        TreatmentPlan plan = locked(planId);
        if (cosignatures.pendingVersions(planId).contains(request.version())) {
            throw ProblemException.conflict(
                    "version-awaiting-cosignature",
                    "Version " + request.version()
                            + " waits for a supervisor's co-signature before it can be activated");
        }
        LocalDate wasDue = plan.nextReviewDue();
        plan.activate(request, reviews.today(), reviews, Instant.now(clock));
        flags.clear(plan.id());
        if (!wasDue.equals(plan.nextReviewDue())) {
            work.reviewRecorded(plan.id(), wasDue);
        }
        events.publish(plan, PlanChangeType.ACTIVATED, List.of(), false);
        return plan;
    }

    @Transactional(readOnly = true)
    public TreatmentPlan forClient(UUID clientId) {
        return repository
                .findFirstByClientIdOrderByOpenedAtDesc(clientId)
                .orElseThrow(() -> ProblemException.notFound("Plan for client"));
    }

    /** The plan, its current content and open flags, as one read. */
    @Transactional(readOnly = true)
    public PlanView viewForClient(UUID clientId) {
        TreatmentPlan plan = forClient(clientId);
        PlanContent content = plan.currentVersion() == 0
                ? null
                : versions.find(plan.id(), plan.currentVersion())
                        .map(PlanVersion::content)
                        .orElse(null);
        return PlanView.of(plan, content, flags.open(plan.id()));
    }

    /** The content of the client's open plan's current version, if it has one. */
    @Transactional(readOnly = true)
    public Optional<PlanContent> currentContent(UUID planId) {
        TreatmentPlan plan = get(planId);
        return plan.currentVersion() == 0
                ? Optional.empty()
                : versions.find(planId, plan.currentVersion()).map(PlanVersion::content);
    }

    /** A supervisor co-signs a version written by staff whose work needs it; 409 when it is not waiting. */
    @Transactional
    public PlanVersion cosignVersion(UUID planId, int number, String supervisor) {
        locked(planId);
        PlanVersion version =
                versions.find(planId, number).orElseThrow(() -> ProblemException.notFound("Plan version"));
        cosignatures.cosignVersion(planId, number, supervisor);
        return version;
    }

    /** The plan's versions still waiting for a co-signature. */
    @Transactional(readOnly = true)
    public Set<Integer> awaitingCosignature(UUID planId) {
        return cosignatures.pendingVersions(planId);
    }

    @Transactional(readOnly = true)
    public List<PlanVersion> versions(UUID planId) {
        get(planId);
        return versions.all(planId);
    }

    @Transactional(readOnly = true)
    public PlanVersion version(UUID planId, int number) {
        get(planId);
        return versions.find(planId, number).orElseThrow(() -> ProblemException.notFound("Plan version"));
    }

    /** Open plans of the visible clients whose review is due today or overdue (clinic time zone). */
    @Transactional(readOnly = true)
    public List<TreatmentPlan> reviewsDue(Caseload.Visibility visible) {
        if (visible.all()) {
            return repository.findReviewsDueBy(reviews.today());
        }
        if (visible.clients().isEmpty()) {
            return List.of();
        }
        return repository.findReviewsDueByForClients(reviews.today(), visible.clients());
    }

    /** The client's open plan, for recording against it; 404 when there is none. */
    @Transactional(readOnly = true)
    public TreatmentPlan openForClient(UUID clientId) {
        return repository
                .findFirstByClientIdOrderByOpenedAtDesc(clientId)
                .filter(TreatmentPlan::isOpen)
                .orElseThrow(() -> ProblemException.notFound("Open plan for client"));
    }

    private TreatmentPlan get(UUID planId) {
        return repository.findById(planId).orElseThrow(() -> ProblemException.notFound("Plan"));
    }

    private TreatmentPlan locked(UUID planId) {
        return repository.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan"));
    }
}
