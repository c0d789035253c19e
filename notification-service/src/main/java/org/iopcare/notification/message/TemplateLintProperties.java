package org.iopcare.notification.message;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What no message may say, checked at start-up in every template and every rendered sample.
 *
 * @param denyList words and phrases (case-insensitive, whole words) that would reveal the kind of
 *     care a client receives: diagnoses, program and group names, treatment words
 * @param smsMaxLength the longest rendered SMS allowed (two concatenated segments by default)
 */
@Validated
@ConfigurationProperties("iopcare.notification.template-lint")
public record TemplateLintProperties(
        @NotNull
        @DefaultValue({
            "recovery",
            "detox",
            "IOP",
            "intensive outpatient",
            "PHP",
            "partial hospitalization",
            "therapy group",
            "group therapy",
            "therapy",
            "substance",
            "treatment",
            "rehab",
            "rehabilitation",
            "addiction",
            "alcohol",
            "drug",
            "opioid",
            "overdose",
            "sobriety",
            "sober",
            "relapse",
            "withdrawal",
            "psychiatric",
            "mental health",
            "behavioral health",
            "behavioural health",
            "depression",
            "anxiety",
            "bipolar",
            "PTSD",
            "borderline",
            "diagnosis",
            "suicide",
            "MH-IOP-AM",
            "SUD-IOP-PM"
        })
        List<String> denyList,

        @Min(70) @Max(1600) @DefaultValue("320") int smsMaxLength) {}
