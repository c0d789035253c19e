package org.iopcare.notification.message;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who messages come from. The clinic name is a neutral sender name: it must not reveal what kind
 * of care the clinic gives.
 *
 * @param clinic the sender name and the phone number clients can call
 * @param intakeTeamEmail where new-inquiry alerts go
 */
@Validated
@ConfigurationProperties("iopcare.notification")
public record ClinicProperties(
        Clinic clinic, @NotBlank @Email String intakeTeamEmail) {

    public record Clinic(
            @NotBlank @DefaultValue("Riverside Health") String name,
            @NotBlank String phone) {}
}
