package org.iopcare.scheduling.track;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.SessionModality;
import org.iopcare.events.TrackStatus;

/** A track as staff see it, with its computed weekly hours and whether clients may be enrolled on it. */
public record TrackView(
        String code,
        String name,
        String timeZone,
        List<DayOfWeek> meetingDays,
        LocalTime localStart,
        LocalTime localEnd,
        int capacity,
        AgeGroup ageGroup,
        SessionModality modality,
        List<ProgramTrack.Component> components,
        int meetingMinutes,
        double weeklyHours,
        TrackStatus status) {

    static TrackView of(ProgramTrack track, TrackStatus status) {
        return new TrackView(
                track.code(),
                track.name(),
                track.zone().getId(),
                track.meetingDays().stream().sorted().toList(),
                track.localStart(),
                track.localEnd(),
                track.capacity(),
                track.ageGroup(),
                track.modality(),
                track.components(),
                track.meetingMinutes(),
                track.weeklyMinutes() / 60.0,
                status);
    }
}
