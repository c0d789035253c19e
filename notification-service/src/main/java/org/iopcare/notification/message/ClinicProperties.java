package org.iopcare.notification.message;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who messages come from and which staff addresses get alerts. The clinic and sender names are
 * neutral: they must not reveal what kind of care the clinic gives (the template lint checks them
 * in every rendered sample).
 *
 * @param clinic the clinic's name, the phone number clients can call and the sender name
 * @param intakeTeamEmail where the summary of new inquiries goes ({@link IntakeSummaries})
 * @param careTeamEmail where missed-session and urgent-flag alerts go
 */
@Validated
@ConfigurationProperties("iopcare.notification")
public record ClinicProperties(
        @NotNull @Valid Clinic clinic,
        @NotBlank @Email String intakeTeamEmail,

        @NotBlank @Email @DefaultValue("care-team@clinic.example")
        String careTeamEmail) {

    /**
     * @param name the clinic's name as clients know it
     * @param phone the number clients can call
     * @param senderName the name messages are signed with and the email sender's display name
     */
    public record Clinic(
            @NotBlank @DefaultValue("Riverside Health") String name,
            @NotBlank String phone,
            @NotBlank @DefaultValue("Riverside Health") String senderName) {}
}
