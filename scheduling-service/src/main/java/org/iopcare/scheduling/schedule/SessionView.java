package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;

/**
 * A client session as staff see it, with local times in the session's zone.
 *
 * @param confirmedAt when the client confirmed it (an SMS reply {@code 1}); null until then
 * @param cancellationReason why it was cancelled ({@code CLOSURE}, {@code DISCHARGE} ...); null while scheduled
 */
public record SessionView(
        UUID id,
        UUID clientId,
        SessionKind kind,
        UUID groupSessionId,
        String clinicianId,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        LocalDateTime localStart,
        LocalDateTime localEnd,
        SessionModality modality,
        String status,
        String attendance,
        Instant confirmedAt,
        String cancellationReason) {

    /** A session just booked: neither confirmed nor cancelled. */
    static SessionView of(ClientSession s) {
        return of(s, null, null);
    }

    static SessionView of(ClientSession s, Instant confirmedAt, String cancellationReason) {
        return new SessionView(
                s.id(),
                s.clientId(),
                s.kind(),
                s.groupSessionId(),
                s.clinicianId(),
                s.startsAt(),
                s.endsAt(),
                s.zone().getId(),
                LocalDateTime.ofInstant(s.startsAt(), s.zone()),
                LocalDateTime.ofInstant(s.endsAt(), s.zone()),
                s.modality(),
                s.status(),
                s.attendance(),
                confirmedAt,
                cancellationReason);
    }
}
