package org.iopcare.notification.reminder;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many reminders one client gets at most.
 *
 * @param maxRemindersPerDay reminders per client and local calendar day (the client's time zone);
 *     with the default of 1 a client with a group and an individual session on the same day is
 *     reminded once, of the earlier one
 */
@Validated
@ConfigurationProperties("iopcare.notification.frequency-cap")
public record FrequencyCapProperties(
        @Min(1) @DefaultValue("1") int maxRemindersPerDay) {}
