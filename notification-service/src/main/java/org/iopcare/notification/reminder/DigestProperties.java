package org.iopcare.notification.reminder;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the weekly digest goes out, in each client's own time zone: once a week on {@code day} at
 * {@code time} (a time inside a daylight-saving gap moves forward by the gap's length), listing the
 * sessions of the 7 local days from then on.
 *
 * @param day the local day of the week
 * @param time the local time of day
 */
@Validated
@ConfigurationProperties("iopcare.notification.digest")
public record DigestProperties(
        @NotNull @DefaultValue("SUNDAY") DayOfWeek day,
        @NotNull @DefaultValue("18:00") LocalTime time) {}
