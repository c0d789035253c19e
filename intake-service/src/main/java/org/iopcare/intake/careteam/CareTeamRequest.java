package org.iopcare.intake.careteam;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The complete care team after the change: the primary clinician and the other members with their
 * role on the team. A member listed twice, or the primary clinician listed again as a member, is
 * refused.
 *
 * @param primaryClinicianId the staff subject of the primary clinician
 * @param members everyone else on the team (at most 20)
 */
public record CareTeamRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = StaffIds.PATTERN)
        String primaryClinicianId,

        @NotNull @Size(max = 20) List<@Valid @NotNull Member> members) {

    /**
     * @param staffId the staff subject
     * @param role their role on this client's team; {@code PRIMARY_CLINICIAN} is given by
     *     {@code primaryClinicianId} only
     */
    public record Member(
            @NotBlank @Size(max = 200) @Pattern(regexp = StaffIds.PATTERN)
            String staffId,

            @NotNull TeamRole role) {}
}
