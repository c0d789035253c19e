package org.iopcare.notification.message;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many non-urgent messages one client gets at most (reminders, notices, outreach; a message on
 * both channels counts once; answers to the client's own texts and the inquiry acknowledgement do
 * not count). What the cap holds back waits for the next allowed time ({@link FrequencyCap}).
 *
 * @param perDay per client and local calendar day (the client's time zone; 23 or 25 hours on the
 *     days the clocks change)
 * @param perRollingWeek per client in any 7 local days
 */
@Validated
@ConfigurationProperties("iopcare.notification.frequency-cap")
public record FrequencyCapProperties(
        @Min(1) @DefaultValue("1") int perDay,
        @Min(1) @DefaultValue("3") int perRollingWeek) {}
