package org.iopcare.scheduling.track;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.SessionModality;

/**
 * A track as staff create or replace it.
 *
 * @param code short code, upper case letters, digits and dashes (ignored on PUT: the path names it)
 * @param name display name
 * @param timeZone IANA time zone of the local times, e.g. {@code America/New_York}
 * @param meetingDays the days the track meets
 * @param localStart local start time of a meeting
 * @param localEnd local end time of a meeting, after the start on the same day
 * @param capacity seats per group session
 * @param ageGroup adults or adolescents; sets the weekly minimum the track must reach
 * @param modality in person (default) or virtual
 * @param components the parts of a meeting with their durations; together no longer than the meeting
 */
public record TrackRequest(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String timeZone,
        @NotEmpty @Size(max = 7) List<@NotNull DayOfWeek> meetingDays,
        @NotNull LocalTime localStart,
        @NotNull LocalTime localEnd,
        @Min(1) @Max(100) int capacity,
        @NotNull AgeGroup ageGroup,
        SessionModality modality,
        @NotEmpty @Size(max = 12) List<@Valid @NotNull ComponentRequest> components) {

    /**
     * One part of a meeting.
     *
     * @param kind group therapy, psychoeducation, support group or expressive therapy
     * @param minutes its duration
     */
    public record ComponentRequest(
            @NotNull ComponentKind kind, @Min(5) @Max(480) int minutes) {}
}
