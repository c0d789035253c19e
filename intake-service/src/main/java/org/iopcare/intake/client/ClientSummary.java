package org.iopcare.intake.client;

import java.util.UUID;

/**
 * One client of a search's page: enough to tell clients apart and open the right record ({@code
 * GET /api/clients/{id}}), which the same roles may read in full.
 *
 * @param id the client id
 * @param firstName the legal first name
 * @param lastName the legal last name
 * @param preferredName the name the client goes by, or null
 * @param phone the mobile number in E.164 form, or null
 * @param email the email address, or null
 * @param status ENROLLED while an enrollment is open, DISCHARGED after the last one ended
 * @param trackCode the track of the open enrollment, else of the latest one
 * @param primaryClinicianId the staff id of the care team's primary clinician, or null
 */
public record ClientSummary(
        UUID id,
        String firstName,
        String lastName,
        String preferredName,
        String phone,
        String email,
        Status status,
        String trackCode,
        String primaryClinicianId) {

    /** Where the client is in the program, as intake knows it. */
    public enum Status {
        ENROLLED,
        DISCHARGED
    }
}
