package org.iopcare.scheduling.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinicians' weekly hours and time off, in the clinic's zone. A change books the individual
 * sessions and check-ins that waited for a slot with the clinician (booking needs), in the same
 * transaction.
 */
@Service
class ClinicianAvailability {

    static final Pattern CLINICIAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * One weekly window.
     *
     * @param day the weekday
     * @param start local start
     * @param end local end, after the start on the same day
     */
    record WeeklyHours(
            @NotNull DayOfWeek day,
            @NotNull LocalTime start,
            @NotNull LocalTime end) {}

    /**
     * A span off, local date-times in the clinic's zone.
     *
     * @param start first moment off
     * @param end first moment back, after the start, at most a year later
     */
    record TimeOffRange(
            @NotNull LocalDateTime start, @NotNull LocalDateTime end) {}

    /**
     * A clinician's availability as staff set and see it.
     *
     * @param weeklyHours when the clinician takes individual sessions and check-ins, every week
     * @param timeOff spans without sessions; absent means none
     */
    record Request(
            @NotNull @Size(max = 28) List<@Valid @NotNull WeeklyHours> weeklyHours,
            @Size(max = 100) List<@Valid @NotNull TimeOffRange> timeOff) {}

    /**
     * A clinician's availability.
     *
     * @param clinicianId the clinician
     * @param timeZone the zone of every local time here
     * @param weeklyHours weekly windows, by day and start
     * @param timeOff spans off, earliest first
     */
    record View(String clinicianId, String timeZone, List<WeeklyHours> weeklyHours, List<TimeOffRange> timeOff) {}

    /**
     * The availability saved.
     *
     * @param availability what the clinician's availability is now
     * @param bookedSessions sessions booked by this change for clients who waited for a slot
     */
    record Saved(View availability, int bookedSessions) {}

    private final ScheduleStore schedules;
    private final ClinicianHours hours;
    private final SessionStore sessions;
    private final SessionBooking booking;
    private final ZoneId zone;
    private final Clock clock;

    ClinicianAvailability(
            ScheduleStore schedules,
            ClinicianHours hours,
            SessionStore sessions,
            SessionBooking booking,
            SchedulingProperties settings,
            Clock clock) {
        this.schedules = schedules;
        this.hours = hours;
        this.sessions = sessions;
        this.booking = booking;
        this.zone = settings.clinicZone();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    View view(String clinicianId) {
        requireId(clinicianId);
        List<WeeklyHours> weekly = schedules.availability(clinicianId).stream()
                .sorted(Comparator.comparing(AvailabilityWindow::day).thenComparing(AvailabilityWindow::localStart))
                .map(w -> new WeeklyHours(w.day(), w.localStart(), w.localEnd()))
                .toList();
        List<TimeOffRange> off = schedules.timeOff(clinicianId).stream()
                .map(t -> new TimeOffRange(t.start(), t.end()))
                .toList();
        return new View(clinicianId, zone.getId(), weekly, off);
    }

    @Transactional
    Saved replace(String clinicianId, Request request) {
        requireId(clinicianId);
        List<WeeklyHours> weekly = request.weeklyHours().stream()
                .sorted(Comparator.comparing(WeeklyHours::day).thenComparing(WeeklyHours::start))
                .toList();
        for (int i = 0; i < weekly.size(); i++) {
            WeeklyHours w = weekly.get(i);
            if (!w.end().isAfter(w.start())) {
                throw ProblemException.unprocessable(
                        "hours-end-before-start", "Weekly hours must end after they start");
            }
            if (i > 0
                    && weekly.get(i - 1).day() == w.day()
                    && weekly.get(i - 1).end().isAfter(w.start())) {
                throw ProblemException.unprocessable("hours-overlap", "Weekly hours of one day must not overlap");
            }
        }
        List<TimeOffRange> off = request.timeOff() == null ? List.of() : request.timeOff();
        for (TimeOffRange t : off) {
            if (!t.end().isAfter(t.start())) {
                throw ProblemException.unprocessable("time-off-end-before-start", "Time off must end after it starts");
            }
            if (Duration.between(t.start(), t.end()).toDays() > 366) {
                throw ProblemException.unprocessable("time-off-too-long", "Time off spans at most a year");
            }
        }
        sessions.lockClinician(clinicianId);
        hours.replace(
                clinicianId,
                weekly.stream()
                        .map(w -> new AvailabilityWindow(w.day(), w.start(), w.end(), zone))
                        .toList(),
                off.stream().map(t -> new TimeOff(t.start(), t.end(), zone)).toList());
        int booked = booking.retryNeeds(clinicianId, clock.instant());
        return new Saved(view(clinicianId), booked);
    }

    private static void requireId(String clinicianId) {
        if (!CLINICIAN_ID.matcher(clinicianId).matches()) {
            throw ProblemException.notFound("Clinician");
        }
    }
}
