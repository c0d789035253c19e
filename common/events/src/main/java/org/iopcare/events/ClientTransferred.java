package org.iopcare.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An enrolled client moves to another program track from a date on, within the same enrollment.
 * scheduling-service cancels the client's group sessions of the previous track from that date
 * (each publishes {@code session-cancelled}, reason {@code TRACK_CHANGE}) and books the new track's
 * from the same date, a seat permitting (each publishes {@code session-scheduled}); individual
 * sessions and check-ins with the primary clinician stay as they are.
 *
 * @param eventId unique per event
 * @param occurredAt when the transfer was recorded
 * @param clientId the client
 * @param enrollmentId the enrollment, as in enrolled; a transfer of an enrollment since replaced is ignored
 * @param previousTrackCode the track the client leaves, e.g. MH-IOP-AM
 * @param trackCode the track the client joins, e.g. MH-IOP-PM; never shown to the client
 * @param effectiveDate the first day in the new track, in the tracks' time zone; the previous
 *     track's sessions from this day on are cancelled
 */
public record ClientTransferred(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID enrollmentId,
        String previousTrackCode,
        String trackCode,
        LocalDate effectiveDate)
        implements IntegrationEvent {}
