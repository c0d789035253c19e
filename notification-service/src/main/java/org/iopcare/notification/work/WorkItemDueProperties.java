package org.iopcare.notification.work;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When notification-service's non-urgent work items are due, counted from when they are raised.
 *
 * @param high a reschedule request (HIGH)
 * @param normal a free-text reply, a message that did not reach the client (NORMAL)
 */
@Validated
@ConfigurationProperties("iopcare.notification.work-items.due")
public record WorkItemDueProperties(
        @DefaultValue("4h") @NotNull Duration high,
        @DefaultValue("1d") @NotNull Duration normal) {}
