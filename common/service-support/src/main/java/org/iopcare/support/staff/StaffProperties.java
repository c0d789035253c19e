package org.iopcare.support.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.iopcare.support.security.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staff directory's configured part ({@link StaffDirectory}).
 *
 * @param members staff known before they sign in: the local run's personas, the tests' staff, and
 *     in production what the chart's values list
 * @param maxLearned how many staff members learned from tokens are kept in memory; the least
 *     recently seen beyond that fall back to their configured entry, if any
 */
@Validated
@ConfigurationProperties("iopcare.staff")
public record StaffProperties(
        @NotNull @DefaultValue List<@Valid Member> members,
        @Min(1) @Max(100_000) @DefaultValue("1000") int maxLearned) {

    /**
     * @param id the staff member's token subject
     * @param displayName the name colleagues know them by (optional)
     * @param roles the staff roles they hold
     * @param email where their staff alerts go by email (optional)
     * @param phone where their staff alerts go by SMS, E.164 (optional)
     */
    public record Member(
            @NotBlank @Size(max = StaffDirectory.ID_MAX) String id,
            @Size(max = StaffDirectory.NAME_MAX) String displayName,
            @NotNull @DefaultValue List<StaffRole> roles,
            @Email @Size(max = StaffDirectory.EMAIL_MAX) String email,
            @Pattern(regexp = StaffDirectory.E164) String phone) {}
}
