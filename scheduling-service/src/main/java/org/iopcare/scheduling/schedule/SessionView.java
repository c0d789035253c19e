package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;

/** A client session as staff see it, with local times in the session's zone. */
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
        String attendance) {

    static SessionView of(ClientSession s) {
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
                s.attendance());
    }
}
