package org.iopcare.scheduling.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.iopcare.events.AgeGroup;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduling settings ({@code iopcare.scheduling.*}); the table in docs/scheduling-service.md
 * describes each.
 *
 * @param horizon how far ahead a client's schedule is built and kept by the daily extension
 * @param gracePeriod how long after a session ended the sweep waits for attendance
 * @param adultMinimumMinutes weekly attendance minimum for adults (IOP: 9 hours)
 * @param adolescentMinimumMinutes weekly attendance minimum for adolescents (IOP: 6 hours)
 * @param individualMinutes length of the weekly individual therapy session
 * @param checkInMinutes length of the biweekly clinician check-in
 * @param sweepBatchSize sessions the sweep claims per transaction
 * @param clinicZone the zone clinicians' weekly hours and time off are entered in
 * @param extensionCron when the daily horizon extension runs (a Spring cron expression, server time)
 * @param sweepInterval delay between two runs of the missed-session sweep (and before the first)
 * @param workCheckInterval how often below-minimum work items whose week has ended are closed
 */
@Validated
@ConfigurationProperties("iopcare.scheduling")
public record SchedulingProperties(
        @NotNull @DefaultValue("P28D") Duration horizon,
        @NotNull @DefaultValue("PT15M") Duration gracePeriod,
        @Min(60) @Max(3000) @DefaultValue("540") int adultMinimumMinutes,
        @Min(60) @Max(3000) @DefaultValue("360") int adolescentMinimumMinutes,
        @Min(15) @Max(240) @DefaultValue("60") int individualMinutes,
        @Min(10) @Max(240) @DefaultValue("30") int checkInMinutes,
        @Min(1) @Max(10000) @DefaultValue("500") int sweepBatchSize,
        @NotNull @DefaultValue("America/New_York") ZoneId clinicZone,
        @NotBlank @DefaultValue("0 15 3 * * *") String extensionCron,
        @NotNull @DefaultValue("PT1M") Duration sweepInterval,
        @NotNull @DefaultValue("PT15M") Duration workCheckInterval) {

    /** The weekly minimum in minutes for an age group. */
    public int minimumMinutes(AgeGroup ageGroup) {
        return ageGroup == AgeGroup.ADOLESCENT ? adolescentMinimumMinutes : adultMinimumMinutes;
    }

    /** Defaults, for unit tests. */
    public static SchedulingProperties defaults() {
        return new SchedulingProperties(
                Duration.ofDays(28),
                Duration.ofMinutes(15),
                540,
                360,
                60,
                30,
                500,
                ZoneId.of("America/New_York"),
                "0 15 3 * * *",
                Duration.ofMinutes(1),
                Duration.ofMinutes(15));
    }
}
