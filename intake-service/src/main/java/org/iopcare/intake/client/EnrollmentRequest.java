package org.iopcare.intake.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.iopcare.events.AgeGroup;

/**
 * Enrollment of a screened inquirer in a program track.
 *
 * @param inquiryId the inquiry; its latest screening must have decided IOP
 * @param client the client's details and consents
 * @param trackCode the program track's code, e.g. MH-IOP-AM
 * @param startDate first day in the program, in the client's time zone; not in the past
 * @param primaryClinicianId the staff subject of the primary clinician
 * @param ageGroup adult or adolescent (sets the weekly attendance minimum)
 */
public record EnrollmentRequest(
        @NotNull UUID inquiryId,
        @NotNull @Valid ClientDetails client,

        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}")
        String trackCode,

        @NotNull LocalDate startDate,
        @NotBlank @Size(max = 100) String primaryClinicianId,
        @NotNull AgeGroup ageGroup) {}
