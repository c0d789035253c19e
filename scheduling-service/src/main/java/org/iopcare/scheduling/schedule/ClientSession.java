package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.scheduling.track.ProgramTrack;

/**
 * One session on a client's schedule.
 *
 * @param id the session id published in {@code session-scheduled}
 * @param clientId the client
 * @param kind group, individual therapy or check-in
 * @param groupSessionId the group session it is a roster seat of, for group sessions
 * @param clinicianId the clinician, for individual sessions and check-ins
 * @param planWeek Monday of the week it was planned for; null when booked by hand
 * @param startsAt start
 * @param endsAt end
 * @param zone where it is held
 * @param modality in person or virtual
 * @param status scheduled or cancelled
 * @param attendance what was recorded; null while nothing was
 */
public record ClientSession(
        UUID id,
        UUID clientId,
        SessionKind kind,
        UUID groupSessionId,
        String clinicianId,
        LocalDate planWeek,
        Instant startsAt,
        Instant endsAt,
        ZoneId zone,
        SessionModality modality,
        String status,
        String attendance) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String CANCELLED = "CANCELLED";

    /** A new seat of the client in a group meeting of the track. */
    static ClientSession seat(UUID clientId, GroupSession group, ProgramTrack track) {
        return new ClientSession(
                UUID.randomUUID(),
                clientId,
                SessionKind.GROUP,
                group.id(),
                null,
                null,
                group.startsAt(),
                group.endsAt(),
                track.zone(),
                track.modality(),
                SCHEDULED,
                null);
    }

    Interval interval() {
        return new Interval(startsAt, endsAt);
    }
}
