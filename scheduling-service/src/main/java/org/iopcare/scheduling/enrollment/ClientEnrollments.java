package org.iopcare.scheduling.enrollment;

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

/** Keeps scheduling's record of each client's current enrollment, and answers for it. */
@Service
public class ClientEnrollments {

    static final String CONSUMER = "scheduling-service:enrolled";

    private static final Logger log = LoggerFactory.getLogger(ClientEnrollments.class);

    private final ClientEnrollmentRepository repository;
    private final ProcessedEvents processed;
    private final Clock clock;

    ClientEnrollments(ClientEnrollmentRepository repository, ProcessedEvents processed, Clock clock) {
        this.repository = repository;
        this.processed = processed;
        this.clock = clock;
    }

    /**
     * Records an enrollment once per event: the claim and the change commit together, so a
     * redelivered event finds its claim and changes nothing.
     *
     * @return whether the event changed the enrollment (false for a redelivery or an older event)
     */
    @Transactional
    public boolean record(ClientEnrolled event) {
        ClientEnrollment.requireComplete(event);
        if (!processed.claim(CONSUMER, event.eventId())) {
            log.debug("Enrolled event {} already processed", event.eventId());
            return false;
        }
        Instant now = Instant.now(clock);
        var current = repository.findById(event.clientId());
        if (current.isEmpty()) {
            repository.save(ClientEnrollment.from(event, now));
            return true;
        }
        if (!current.get().follow(event, now)) {
            log.info("Enrolled event {} predates the recorded enrollment; ignored", event.eventId());
            return false;
        }
        return true;
    }

    /** Records that the client's current enrollment moved to another track. */
    @Transactional
    public void transferred(UUID clientId, String trackCode) {
        repository.findById(clientId).ifPresent(e -> e.transfer(trackCode, Instant.now(clock)));
    }

    /** Records that the client's primary clinician changed (care-team-changed). */
    @Transactional
    public void reassigned(UUID clientId, String clinicianId) {
        repository.findById(clientId).ifPresent(e -> e.reassign(clinicianId, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public ClientEnrollment get(UUID clientId) {
        return repository.findById(clientId).orElseThrow(() -> ProblemException.notFound("Enrollment of client"));
    }
}
