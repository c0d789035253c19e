package org.iopcare.notification.reminder;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hours, in the client's own time zone, in which messages to clients may go out. Both ends
 * are allowed to the minute: {@code 00:00}-{@code 23:59} means always.
 *
 * @param start first allowed minute
 * @param end last allowed minute
 */
@Validated
@ConfigurationProperties("iopcare.notification.send-window")
public record SendWindowProperties(
        @NotNull @DefaultValue("08:00") LocalTime start,
        @NotNull @DefaultValue("21:00") LocalTime end) {

    @AssertTrue(message = "the send window must start before it ends")
    boolean isOrdered() {
        return start == null || end == null || start.isBefore(end);
    }

    public SendWindow window() {
        return new SendWindow(start, end);
    }
}
