package org.iopcare.treatmentplan.note;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.LevelOfCare;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.treatmentplan.plan.Instrument;
import org.iopcare.treatmentplan.plan.PlanContent;
import org.iopcare.treatmentplan.plan.ReviewSchedule;
import org.iopcare.treatmentplan.plan.TreatmentPlan;
import org.iopcare.treatmentplan.plan.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * On discharge, a draft discharge summary in the client's record: the facts assembled from the
 * plan, its assessments and the sessions this service knows, for the primary clinician (the first
 * of the care team, else the one named at enrollment) to complete with aftercare and referrals and
 * sign.
 */
@Service
public class DischargeSummaries {

    private final TreatmentPlans plans;
    private final ClientSessions sessions;
    private final NoteStore store;
    private final Caseload caseload;
    private final ReviewSchedule schedule;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DischargeSummaries(
            TreatmentPlans plans,
            ClientSessions sessions,
            NoteStore store,
            Caseload caseload,
            ReviewSchedule schedule,
            JdbcTemplate jdbc,
            Clock clock) {
        this.plans = plans;
        this.sessions = sessions;
        this.store = store;
        this.caseload = caseload;
        this.schedule = schedule;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Once per event: a discharge effective today or earlier (clinic time zone) closes the client's
     * plan and drafts its discharge summary in the same transaction; one dated ahead is held
     * ({@code plan_discharge_due}) and the plan stays open, editable and reviewed until that day,
     * when {@link DischargesDue} does the same.
     */
    @Transactional
    public void discharged(ClientDischarged event) {
        if (!plans.claimDischarge(event)) {
            return;
        }
        if (event.effectiveDate() != null && event.effectiveDate().isAfter(schedule.today())) {
            jdbc.update(
                    "INSERT INTO plan_discharge_due"
                            + " (event_id, client_id, enrollment_id, effective_date, reason, occurred_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    event.eventId(),
                    event.clientId(),
                    event.enrollmentId(),
                    Date.valueOf(event.effectiveDate()),
                    event.reason().name(),
                    Timestamp.from(event.occurredAt()));
            return;
        }
        takeEffect(event);
    }

    /** The discharge takes effect: the plan closes and its summary is drafted (caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    void takeEffect(ClientDischarged event) {
        plans.close(event).ifPresent(plan -> draft(plan, event));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void draft(TreatmentPlan plan, ClientDischarged event) {
        Instant now = Instant.now(clock);
        DischargeFacts facts = facts(plan, event, now);
        List<String> team = caseload.team(plan.clientId());
        String clinician = team.isEmpty() ? plan.primaryClinicianId() : team.get(0);
        store.create(new Note(
                UUID.randomUUID(),
                plan.clientId(),
                plan.id(),
                null,
                NoteKind.DISCHARGE_SUMMARY,
                null,
                clinician,
                now,
                NoteStatus.DRAFT,
                1,
                null,
                null,
                null,
                null,
                new NoteContent(null, null, null, new NoteContent.DischargeSummary(facts, null, List.of())),
                List.of()));
    }

    DischargeFacts facts(TreatmentPlan plan, ClientDischarged event, Instant now) {
        ZoneId zone = schedule.zone();
        LocalDate end = event.effectiveDate() == null ? schedule.today() : event.effectiveDate();
        Instant endOfStay = end.plusDays(1).atStartOfDay(zone).toInstant();
        ClientSessions.Totals totals = sessions.totals(
                plan.clientId(),
                plan.startDate().atStartOfDay(zone).toInstant(),
                endOfStay.isBefore(now) ? endOfStay : now);
        Map<Instrument, List<Integer>> scores = jdbc
                .query(
                        "SELECT instrument, total FROM assessment WHERE plan_id = ? ORDER BY administered_at, recorded_at",
                        (rs, n) -> Map.entry(Instrument.valueOf(rs.getString("instrument")), rs.getInt("total")),
                        plan.id())
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<DischargeFacts.GoalStatus> goals = new ArrayList<>();
        plans.currentContent(plan.id()).ifPresent(content -> {
            for (PlanContent.Problem problem : content.problems()) {
                for (PlanContent.Goal goal : problem.goals()) {
                    goals.add(new DischargeFacts.GoalStatus(
                            goal.statement(), goal.targetDate(), met(goal, scores), goal.objectives()));
                }
            }
        });
        return new DischargeFacts(
                plan.startDate(),
                end,
                LevelOfCare.IOP,
                totals.attended(),
                totals.missed(),
                DischargeFacts.Measure.of(scores.getOrDefault(Instrument.PHQ9, List.of())),
                DischargeFacts.Measure.of(scores.getOrDefault(Instrument.GAD7, List.of())),
                goals,
                event.reason());
    }

    private static @Nullable Boolean met(PlanContent.Goal goal, Map<Instrument, List<Integer>> scores) {
        if (goal.measureTarget() == null) {
            return null;
        }
        List<Integer> totals = scores.getOrDefault(goal.measureTarget().instrument(), List.of());
        return totals.isEmpty()
                ? null
                : totals.get(totals.size() - 1) < goal.measureTarget().below();
    }
}
