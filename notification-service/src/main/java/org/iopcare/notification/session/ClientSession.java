package org.iopcare.notification.session;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client session as this service knows it. {@code kind}, {@code endsAt}, {@code timeZone} and
 * {@code modality} are null when only a cancellation or a miss has arrived so far.
 *
 * @param sessionId the client session
 * @param clientId the client
 * @param kind SessionKind name, never shown to the client
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param timeZone the IANA zone it is held in
 * @param modality IN_PERSON or VIRTUAL
 * @param status SCHEDULED, CANCELLED or MISSED
 * @param joinUrl the video link of a virtual session, null when none was given
 */
public record ClientSession(
        UUID sessionId,
        UUID clientId,
        @Nullable String kind,
        Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String timeZone,
        @Nullable String modality,
        String status,
        @Nullable String joinUrl) {

    public boolean scheduled() {
        return "SCHEDULED".equals(status);
    }

    public boolean virtual() {
        return "VIRTUAL".equals(modality);
    }
}
