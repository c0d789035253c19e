package org.iopcare.scheduling.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AttendanceController {

    /** Attendance and rosters: every client for scheduling, supervision and admin. */
    static final Caseload.Rule ATTENDANCE =
            Caseload.clinicWide(StaffRole.SCHEDULER, StaffRole.CLINICAL_SUPERVISOR, StaffRole.PROGRAM_ADMIN);

    private final AttendanceRecorder recorder;
    private final AttendanceViews views;
    private final SchedulingProperties settings;
    private final Caseload caseload;
    private final Clock clock;

    AttendanceController(
            AttendanceRecorder recorder,
            AttendanceViews views,
            SchedulingProperties settings,
            Caseload caseload,
            Clock clock) {
        this.recorder = recorder;
        this.views = views;
        this.settings = settings;
        this.caseload = caseload;
        this.clock = clock;
    }

    /**
     * One client's attendance in a group call.
     *
     * @param clientId a client on the roster
     * @param attendance {@code PRESENT}, {@code LATE}, {@code EXCUSED} or {@code ABSENT}
     * @param lateMinutes how late, for {@code LATE}
     * @param minutesAttended minutes attended, when not the default (whole session less lateness)
     */
    record EntryRequest(
            @NotNull UUID clientId,
            @NotNull Attendance attendance,
            @Min(0) @Max(600) Integer lateMinutes,
            @Min(0) @Max(600) Integer minutesAttended) {}

    /**
     * The whole group's attendance.
     *
     * @param entries one per client
     */
    record GroupAttendanceRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull EntryRequest> entries) {}

    /**
     * The outcome.
     *
     * @param changed sessions whose attendance changed (0 when the same call is repeated)
     */
    record GroupAttendanceResult(int changed) {}

    /**
     * A clinician records their own clients of the group; a body naming any client outside their
     * caseload is refused whole (404), so nothing is recorded for the others either.
     */
    @PostMapping("/api/group-sessions/{id}/attendance")
    @PreAuthorize("hasAnyRole('CLINICIAN','SCHEDULER','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    GroupAttendanceResult record(
            @PathVariable UUID id, @Valid @RequestBody GroupAttendanceRequest request, Authentication staff) {
        Set<UUID> named = new LinkedHashSet<>();
        request.entries().forEach(entry -> named.add(entry.clientId()));
        if (!named.stream().allMatch(client -> caseload.permits(client, ATTENDANCE))) {
            throw ProblemException.notFound("Client");
        }
        named.forEach(client -> caseload.require(client, ATTENDANCE, "Client"));
        return new GroupAttendanceResult(recorder.recordGroup(
                id,
                request.entries().stream()
                        .map(e -> new AttendanceRecorder.Entry(
                                e.clientId(), e.attendance(), e.lateMinutes(), e.minutesAttended()))
                        .toList(),
                staff.getName()));
    }

    /**
     * One individual session's or check-in's attendance.
     *
     * @param attendance {@code PRESENT}, {@code LATE}, {@code EXCUSED} or {@code ABSENT}
     * @param lateMinutes how late, for {@code LATE}
     * @param minutesAttended minutes attended, when not the default (whole session less lateness)
     */
    record SessionAttendanceRequest(
            @NotNull Attendance attendance,
            @Min(0) @Max(600) Integer lateMinutes,
            @Min(0) @Max(600) Integer minutesAttended) {}

    @PostMapping("/api/sessions/{id}/attendance")
    @PreAuthorize("hasAnyRole('CLINICIAN','SCHEDULER','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    GroupAttendanceResult recordSession(
            @PathVariable UUID id, @Valid @RequestBody SessionAttendanceRequest request, Authentication staff) {
        UUID client = views.clientOf(id).orElseThrow(() -> ProblemException.notFound("Session"));
        caseload.require(client, ATTENDANCE, "Session");
        boolean changed = recorder.recordSession(
                id, request.attendance(), request.lateMinutes(), request.minutesAttended(), staff.getName());
        return new GroupAttendanceResult(changed ? 1 : 0);
    }

    /**
     * The day's group sessions with their rosters. A clinician gets only the sessions one of their
     * own clients sits in, and in each roster only their own clients.
     */
    @GetMapping("/api/group-sessions")
    @PreAuthorize("hasAnyRole('CLINICIAN','SCHEDULER','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    List<AttendanceViews.GroupView> groups(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String track) {
        List<AttendanceViews.GroupView> groups = views.groups(date, track, caseload.visibility(ATTENDANCE));
        caseload.disclose(
                groups.stream().flatMap(g -> g.roster().stream()).toList(),
                AttendanceViews.RosterEntry::clientId,
                ATTENDANCE);
        return groups;
    }

    /**
     * A client's weekly hours against the minimum.
     *
     * @param clientId the client
     * @param requiredMinutes the weekly minimum for the client's age group
     * @param weeks one row per week with sessions
     */
    record Summary(UUID clientId, int requiredMinutes, List<WeekSummary> weeks) {}

    /**
     * One week.
     *
     * @param weekStart Monday
     * @param attendedMinutes minutes attended
     * @param scheduledMinutes minutes of sessions not cancelled
     * @param stillScheduledMinutes minutes of sessions still to come
     * @param attendedHours attended, in hours
     * @param metMinimum whether the attended minutes reach the minimum
     */
    record WeekSummary(
            LocalDate weekStart,
            int attendedMinutes,
            int scheduledMinutes,
            int stillScheduledMinutes,
            double attendedHours,
            boolean metMinimum) {}

    @GetMapping("/api/clients/{id}/attendance-summary")
    @PreAuthorize("hasAnyRole('CLINICIAN','SCHEDULER','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    Summary summary(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock).plusDays(7) : to;
        LocalDate start = from == null ? end.minusWeeks(5) : from;
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > 400) {
            throw ProblemException.unprocessable("bad-range", "to must follow from, at most 400 days later");
        }
        caseload.require(id, ATTENDANCE, "Schedule of client");
        AgeGroup ageGroup = views.ageGroup(id)
                .map(AgeGroup::valueOf)
                .orElseThrow(() -> ProblemException.notFound("Schedule of client"));
        int required = settings.minimumMinutes(ageGroup);
        return new Summary(
                id,
                required,
                views.weeks(id, start, end, clock.instant()).stream()
                        .map(w -> new WeekSummary(
                                w.weekStart(),
                                w.attendedMinutes(),
                                w.scheduledMinutes(),
                                w.stillScheduledMinutes(),
                                w.attendedMinutes() / 60.0,
                                w.attendedMinutes() >= required))
                        .toList());
    }
}
