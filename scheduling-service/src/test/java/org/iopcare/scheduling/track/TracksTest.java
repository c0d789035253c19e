package org.iopcare.scheduling.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.iopcare.events.AgeGroup;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;

class TracksTest {

    final Tracks tracks = new Tracks(
            null,
            SchedulingProperties.defaults(),
            Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC),
            null,
            null);

    static TrackRequest request(List<DayOfWeek> days, String start, String end, AgeGroup ageGroup) {
        return new TrackRequest(
                "T-1",
                "Test track",
                "America/New_York",
                days,
                LocalTime.parse(start),
                LocalTime.parse(end),
                12,
                ageGroup,
                null,
                List.of(
                        new TrackRequest.ComponentRequest(ComponentKind.GROUP_THERAPY, 90),
                        new TrackRequest.ComponentRequest(ComponentKind.PSYCHOEDUCATION, 45)));
    }

    static final List<DayOfWeek> MWF = List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);

    @Test
    void computesWeeklyHours() {
        ProgramTrack track = tracks.validated("T-1", request(MWF, "09:00", "12:00", AgeGroup.ADULT));

        assertThat(track.meetingMinutes()).isEqualTo(180);
        assertThat(track.weeklyMinutes()).isEqualTo(540);
        assertThat(TrackView.of(track, org.iopcare.events.TrackStatus.ACTIVE).weeklyHours())
                .isEqualTo(9.0);
    }

    @Test
    void refusesAnAdultTrackBelowNineHoursButTakesItForAdolescents() {
        TrackRequest twoDays = request(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), "09:00", "12:00", AgeGroup.ADULT);
        assertThatThrownBy(() -> tracks.validated("T-1", twoDays))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(422));

        TrackRequest adolescents =
                request(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), "09:00", "12:00", AgeGroup.ADOLESCENT);
        assertThat(tracks.validated("T-1", adolescents).weeklyMinutes()).isEqualTo(360);
    }

    @Test
    void refusesComponentsLongerThanTheMeetingAndUnknownZones() {
        TrackRequest shortMeeting =
                request(List.of(DayOfWeek.values()), "09:00", "11:00", AgeGroup.ADULT); // 135 min of parts > 120
        assertThatThrownBy(() -> tracks.validated("T-1", shortMeeting)).isInstanceOf(ProblemException.class);

        TrackRequest request = request(MWF, "09:00", "12:00", AgeGroup.ADULT);
        TrackRequest badZone = new TrackRequest(
                "T-1",
                "x",
                "Mars/Olympus",
                MWF,
                request.localStart(),
                request.localEnd(),
                12,
                AgeGroup.ADULT,
                null,
                request.components());
        assertThatThrownBy(() -> tracks.validated("T-1", badZone)).isInstanceOf(ProblemException.class);
    }

    @Test
    void meetingsKeepTheirLocalTimeAcrossDaylightSavingChanges() {
        ProgramTrack track = tracks.validated("T-1", request(MWF, "09:00", "12:00", AgeGroup.ADULT));
        // 2026-03-08 US spring forward: EST (UTC-5) before, EDT (UTC-4) after.
        assertThat(track.meetingOn(LocalDate.of(2026, 3, 6)).orElseThrow().startsAt())
                .isEqualTo(Instant.parse("2026-03-06T14:00:00Z"));
        assertThat(track.meetingOn(LocalDate.of(2026, 3, 9)).orElseThrow().startsAt())
                .isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
        assertThat(track.meetingOn(LocalDate.of(2026, 3, 10))).isEmpty();
    }
}
