package org.iopcare.notification.preference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What clients may choose.
 *
 * @param allowedOffsets the reminder offsets a client may choose from
 * @param languages the languages a client may choose (each has a template for every message kind)
 * @param historySize how many past changes the preferences view shows
 */
@Validated
@ConfigurationProperties("iopcare.notification.preferences")
public record PreferenceProperties(
        @NotEmpty @DefaultValue({"PT2H", "P1D", "P2D"}) List<Duration> allowedOffsets,
        @NotEmpty @DefaultValue({"en", "es"}) List<String> languages,
        @Min(1) @Max(100) @DefaultValue("10") int historySize) {}
