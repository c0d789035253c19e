package org.iopcare.intake.inquiry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.InquiryReceived;
import org.iopcare.events.InquiryStatusChanged;
import org.iopcare.intake.work.UncontactedInquiries;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inquiry use cases. Each change and its event commit together through the outbox. */
@Service
public class Inquiries {

    private final InquiryRepository repository;
    private final Outbox outbox;
    private final Clock clock;
    private final InquiryProperties properties;
    private final IdempotentReplay replay;
    private final FormFingerprint fingerprint;
    private final JdbcTemplate jdbc;
    private final UncontactedInquiries uncontacted;

    Inquiries(
            InquiryRepository repository,
            Outbox outbox,
            Clock clock,
            InquiryProperties properties,
            IdempotentReplay replay,
            FormFingerprint fingerprint,
            JdbcTemplate jdbc,
            UncontactedInquiries uncontacted) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.replay = replay;
        this.fingerprint = fingerprint;
        this.jdbc = jdbc;
        this.uncontacted = uncontacted;
    }

    /**
     * Receives the public form. With an {@code Idempotency-Key}, the first receipt for that key is
     * returned again (nothing new stored or published); the same key with a different form is 422.
     */
    @Transactional
    public InquiryReceipt submit(NewInquiry request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return InquiryReceipt.of(receive(request));
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String hash = fingerprint.of(request);
        Optional<InquiryReceipt> earlier = replay.find(idempotencyKey, hash, now);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        InquiryReceipt receipt = InquiryReceipt.of(receive(request));
        replay.remember(idempotencyKey, hash, receipt, now.plus(properties.idempotencyKeyLifetime()));
        return receipt;
    }

    /** After a concurrent request with the same key won the insert: its receipt, or 422. */
    @Transactional(readOnly = true)
    public InquiryReceipt replayed(NewInquiry request, String idempotencyKey) {
        return replay.find(idempotencyKey, fingerprint.of(request), Instant.now(clock))
                .orElseThrow(() -> ProblemException.conflict(
                        "idempotency-key-in-use", "A request with this Idempotency-Key is being processed"));
    }

    @Scheduled(
            fixedDelayString =
                    "#{@'iopcare.intake.inquiries-org.iopcare.intake.inquiry.InquiryProperties'.idempotencyPurgeInterval().toMillis()}")
    @Transactional
    public void purgeExpiredIdempotencyKeys() {
        replay.purgeExpired(Instant.now(clock));
    }

    /**
     * A staff step: moves the inquiry to an allowed status (409 otherwise) and/or adds a note. Each
     * status change publishes {@code inquiry-status-changed}.
     */
    @Transactional
    public Inquiry change(UUID id, InquiryChange change, String author) {
        Inquiry inquiry = get(id);
        InquiryStatus from = inquiry.status();
        InquiryStatus to = change.status();
        if (to == InquiryStatus.ENROLLED) {
            throw ProblemException.conflict(
                    "enroll-through-enrollments", "An inquiry becomes ENROLLED through POST /api/enrollments");
        }
        if (to != null && to != from) {
            move(inquiry, to, author, change.note());
        } else if (to != null) {
            throw ProblemException.conflict("illegal-transition", "The inquiry is already " + from);
        } else {
            writeNote(inquiry.id(), null, null, change.note(), author, Instant.now(clock));
        }
        return inquiry;
    }

    /** Moves the inquiry (409 if the pipeline does not allow it), records and publishes the change. */
    @Transactional
    public void move(Inquiry inquiry, InquiryStatus to, String author, String note) {
        InquiryStatus from = inquiry.status();
        if (!from.canMoveTo(to)) {
            throw ProblemException.conflict("illegal-transition", "An inquiry cannot move from " + from + " to " + to);
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        inquiry.moveTo(to, now);
        repository.saveAndFlush(inquiry);
        writeNote(inquiry.id(), from, to, note, author, now);
        if (from == InquiryStatus.NEW) {
            uncontacted.leftNew(inquiry.id(), to.name());
        }
        outbox.append(new InquiryStatusChanged(
                UUID.randomUUID(),
                now,
                inquiry.clientId(),
                inquiry.id(),
                org.iopcare.events.InquiryStatus.valueOf(from.name()),
                org.iopcare.events.InquiryStatus.valueOf(to.name())));
    }

    /** The inquiry's pipeline history, oldest first. */
    @Transactional(readOnly = true)
    public List<InquiryNote> history(UUID id) {
        get(id);
        return jdbc.query(
                "SELECT from_status, to_status, note, author, written_at FROM inquiry_note"
                        + " WHERE inquiry_id = ? ORDER BY written_at, id",
                (rs, row) -> new InquiryNote(
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        rs.getString("note"),
                        rs.getString("author"),
                        rs.getTimestamp("written_at").toInstant()),
                id);
    }

    private void writeNote(
            UUID inquiryId, InquiryStatus from, InquiryStatus to, String note, String author, Instant at) {
        jdbc.update(
                "INSERT INTO inquiry_note (id, inquiry_id, from_status, to_status, note, author, written_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                inquiryId,
                from == null ? null : from.name(),
                to == null ? null : to.name(),
                note == null || note.isBlank() ? null : note.strip(),
                author,
                Timestamp.from(at));
    }

    private static @Nullable InquiryStatus status(@Nullable String name) {
        return name == null ? null : InquiryStatus.valueOf(name);
    }

    @Transactional
    public Inquiry receive(NewInquiry request) {
        // PostgreSQL keeps microseconds: the receipt must read the same now and on a replay.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String phone = blankToNull(request.phone());
        String email = blankToNull(request.email());
        UUID earlier = earliestFromSameContact(phone, email, now.minus(properties.duplicateWindow()));
        // The form is anonymous: a known phone or email proves nothing about who sent it. A repeat is
        // linked (duplicateOf) for staff to review, but it is a client of its own, so nothing it
        // carries can reach the earlier person's contact details, messages or enrollment.
        UUID clientId = UUID.randomUUID();
        NewInquiry normalised = new NewInquiry(
                request.firstName(),
                request.lastName(),
                phone,
                email,
                request.preferredChannel(),
                request.contactConsent(),
                request.helpWith(),
                request.referralSource());
        // Flushed at once: the idempotency key row refers to it.
        Inquiry inquiry = repository.saveAndFlush(new Inquiry(UUID.randomUUID(), clientId, normalised, earlier, now));
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

    /**
     * The earliest original inquiry from this phone or email since the given instant, by id only:
     * every public POST asks, and a plain query is a fraction of what mapping an entity costs.
     */
    private @Nullable UUID earliestFromSameContact(@Nullable String phone, @Nullable String email, Instant since) {
        List<UUID> found =
                jdbc.query("""
                SELECT id FROM inquiry
                WHERE received_at >= ? AND duplicate_of IS NULL
                  AND (phone = CAST(? AS varchar) OR lower(email) = lower(CAST(? AS varchar)))
                ORDER BY received_at LIMIT 1
                """, (rs, row) -> rs.getObject(1, UUID.class), Timestamp.from(since), phone, email);
        return found.isEmpty() ? null : found.get(0);
    }

    @Transactional(readOnly = true)
    public Inquiry get(UUID id) {
        return repository.findById(id).orElseThrow(() -> ProblemException.notFound("Inquiry"));
    }

    @Transactional(readOnly = true)
    public Page<Inquiry> list(@Nullable InquiryStatus status, Pageable page) {
        return status == null ? repository.findAll(page) : repository.findByStatus(status, page);
    }

    /** The page of inquiries a clinician sees: their clients' and those of clients without a team. */
    @Transactional(readOnly = true)
    public Page<Inquiry> listOf(@Nullable InquiryStatus status, UUID[] clients, Pageable page) {
        return repository.findVisible(status == null ? null : status.name(), clients, page);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
