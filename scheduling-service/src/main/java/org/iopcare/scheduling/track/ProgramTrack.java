package org.iopcare.scheduling.track;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.SessionModality;

/**
 * A program track: a group that meets on fixed days at fixed local times in its own time zone.
 *
 * @param code short code, e.g. {@code MH-IOP-AM}
 * @param name display name
 * @param zone the IANA zone the local times are in
 * @param meetingDays the days it meets
 * @param localStart local start time of a meeting
 * @param localEnd local end time of a meeting
 * @param capacity seats per group session
 * @param ageGroup who the track is for; sets the weekly minimum
 * @param modality in person or virtual
 * @param components the parts of a meeting, in order
 */
public record ProgramTrack(
        String code,
        String name,
        ZoneId zone,
        Set<DayOfWeek> meetingDays,
        LocalTime localStart,
        LocalTime localEnd,
        int capacity,
        AgeGroup ageGroup,
        SessionModality modality,
        List<Component> components) {

    /**
     * One part of a meeting.
     *
     * @param kind what it is
     * @param minutes how long it lasts
     */
    public record Component(ComponentKind kind, int minutes) {}

    /** Wall-clock minutes of one meeting (a DST change on a meeting day does not change it). */
    public int meetingMinutes() {
        return (int) Duration.between(localStart, localEnd).toMinutes();
    }

    public int weeklyMinutes() {
        return meetingMinutes() * meetingDays.size();
    }

    /**
     * The meeting on a date, if the track meets that day. Instants are computed per date from the
     * local times, so 09:00 stays 09:00 on both sides of a DST change; a local time that does not
     * exist on a spring-forward day moves forward by the gap, as {@link ZonedDateTime#of} does.
     */
    public Optional<Meeting> meetingOn(LocalDate date) {
        if (!meetingDays.contains(date.getDayOfWeek())) {
            return Optional.empty();
        }
        return Optional.of(new Meeting(
                date,
                ZonedDateTime.of(date, localStart, zone).toInstant(),
                ZonedDateTime.of(date, localEnd, zone).toInstant()));
    }

    /**
     * One meeting of a track.
     *
     * @param date local date
     * @param startsAt start instant
     * @param endsAt end instant
     */
    public record Meeting(LocalDate date, Instant startsAt, Instant endsAt) {}
}
