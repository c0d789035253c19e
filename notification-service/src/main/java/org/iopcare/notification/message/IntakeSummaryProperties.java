package org.iopcare.notification.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intake team's summary of new inquiries (instead of one email per inquiry).
 *
 * @param enabled whether this instance runs the summary task (one instance at a time runs it
 *     anyway: a db-scheduler recurring task); off, inquiries are still recorded and counted later
 * @param period at most one summary per period; periods are aligned to the epoch (15 minutes:
 *     :00, :15, :30, :45), so every instance agrees on them
 * @param checkInterval how often the task looks for a period that ended and was not summarized
 *     (the summary arrives at most this long after its period ends)
 * @param inquiryListUrl the staff app's list of inquiries, linked from the summary
 * @param timeZone the zone the summary's "since" time is written in
 */
@Validated
@ConfigurationProperties("iopcare.notification.intake-summary")
public record IntakeSummaryProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("15m") Duration period,
        @NotNull @DefaultValue("30s") Duration checkInterval,

        @NotBlank @DefaultValue("http://localhost:8080/staff/inquiries")
        String inquiryListUrl,

        @NotNull @DefaultValue("America/New_York") ZoneId timeZone) {}
