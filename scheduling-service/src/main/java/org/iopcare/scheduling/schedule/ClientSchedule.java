package org.iopcare.scheduling.schedule;

import java.time.LocalDate;
import java.util.UUID;
import org.iopcare.events.AgeGroup;

/**
 * A client's place in a track and how far their schedule has been built.
 *
 * @param clientId the client
 * @param trackCode the track
 * @param status holds a seat, waits for one, or left
 * @param startDate first day of the program
 * @param clinicianId primary clinician, for individual sessions and check-ins
 * @param ageGroup sets the weekly minimum
 * @param scheduledThrough last day sessions have been generated for; null when nothing yet
 */
public record ClientSchedule(
        UUID clientId,
        String trackCode,
        Status status,
        LocalDate startDate,
        String clinicianId,
        AgeGroup ageGroup,
        LocalDate scheduledThrough) {

    /** The same schedule booking with another clinician. */
    ClientSchedule withClinician(String clinician) {
        return new ClientSchedule(clientId, trackCode, status, startDate, clinician, ageGroup, scheduledThrough);
    }

    /** The same schedule built through another day. */
    ClientSchedule withScheduledThrough(LocalDate through) {
        return new ClientSchedule(clientId, trackCode, status, startDate, clinicianId, ageGroup, through);
    }

    /** Where a client stands in their track. */
    public enum Status {
        ACTIVE,
        WAITLISTED,
        ENDED
    }
}
