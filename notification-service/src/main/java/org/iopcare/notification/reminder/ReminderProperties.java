package org.iopcare.notification.reminder;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When reminders and welcome messages go out.
 *
 * @param offsets how long before a session each reminder is due (one reminder per session and
 *     offset)
 * @param pollInterval how often due reminder tasks are picked up from the database
 * @param welcomeDelay how long after the first session of an enrollment arrives the welcome goes
 *     out, so that the whole first batch of sessions is known and the earliest one is named
 * @param threads reminder tasks executed in parallel by this instance
 * @param noticeGathering how long a cancellation or schedule notice waits for the other sessions of
 *     the same change (a closure's, a transfer's) before it goes, so the client gets one message
 */
@Validated
@ConfigurationProperties("iopcare.notification.reminders")
public record ReminderProperties(
        @NotEmpty @DefaultValue("P1D") List<Duration> offsets,
        @NotNull @DefaultValue("PT10S") Duration pollInterval,
        @NotNull @DefaultValue("PT30S") Duration welcomeDelay,
        @Min(1) @Max(8) @DefaultValue("2") int threads,
        @NotNull @DefaultValue("PT2M") Duration noticeGathering) {}
