package org.iopcare.treatmentplan.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.iopcare.support.fhir.IopFhir;
import org.iopcare.support.fhir.Part2Labels;
import org.iopcare.treatmentplan.plan.PlanContent;
import org.iopcare.treatmentplan.plan.PlanContent.ObjectiveStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads treatment-plan's tables and builds its FHIR resources (docs/fhir.md, "treatment-plan"): a
 * CarePlan per plan version with its goals contained, a Provenance per version (author, reason),
 * an Observation per assessment.
 */
class TreatmentPlanResources {

    private static final String PLAN_VERSIONS = """
            SELECT p.id, p.status, p.start_date, p.opened_at, p.closed_at, p.primary_clinician_id, p.current_version,
                   v.number, v.author, v.created_at, v.reason, v.content::text AS content
            FROM treatment_plan p JOIN plan_version v ON v.plan_id = p.id
            WHERE p.client_id = ? ORDER BY p.opened_at, v.number
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    TreatmentPlanResources(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Nullable
    UUID clientOfPlan(UUID planId) {
        return jdbc.queryForList("SELECT client_id FROM treatment_plan WHERE id = ?", UUID.class, planId).stream()
                .findFirst()
                .orElse(null);
    }

    @Nullable
    UUID clientOfAssessment(UUID assessmentId) {
        return jdbc.queryForList("SELECT client_id FROM assessment WHERE id = ?", UUID.class, assessmentId).stream()
                .findFirst()
                .orElse(null);
    }

    /** Whether the service has a plan for the client. */
    boolean knows(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM treatment_plan WHERE client_id = ?)", Boolean.class, clientId));
    }

    /** Whether a version of one of the client's plans addresses substance use (42 CFR Part 2). */
    boolean sud(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM plan_version v JOIN treatment_plan p ON p.id = v.plan_id
                               WHERE p.client_id = ?
                                 AND (v.content -> 'problems' @> '[{"category":"SUBSTANCE_USE"}]'
                                      OR v.content -> 'problems' @> '[{"category":"CO_OCCURRING"}]'))
                """, Boolean.class, clientId));
    }

    /** Every version of every plan of the client, oldest first; the latest of a plan is its current state. */
    List<CarePlan> carePlanVersions(UUID clientId) {
        boolean sud = sud(clientId);
        return jdbc.query(PLAN_VERSIONS, (rs, n) -> carePlan(clientId, rs, sud), clientId);
    }

    /** Each plan in its current version. */
    List<CarePlan> carePlans(UUID clientId) {
        return carePlanVersions(clientId).stream()
                .filter(p -> p.getMeta().getVersionId().equals(p.getUserString("current")))
                .toList();
    }

    private CarePlan carePlan(UUID clientId, ResultSet rs, boolean sud) throws SQLException {
        CarePlan plan = new CarePlan();
        plan.setId(rs.getString("id"));
        plan.getMeta().setVersionId(Integer.toString(rs.getInt("number")));
        plan.getMeta().setLastUpdated(Date.from(rs.getTimestamp("created_at").toInstant()));
        plan.setUserData("current", Integer.toString(rs.getInt("current_version")));
        String status = rs.getString("status");
        plan.setStatus(
                switch (status) {
                    case "DRAFT" -> CarePlanStatus.DRAFT;
                    case "CLOSED" -> CarePlanStatus.COMPLETED;
                    default -> CarePlanStatus.ACTIVE;
                });
        plan.setIntent(CarePlanIntent.PLAN);
        plan.addCategory(new CodeableConcept()
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "care-plan", "iop-treatment-plan", "IOP treatment plan")));
        plan.setTitle("Treatment plan");
        plan.setSubject(IopFhir.patient(clientId));
        plan.getPeriod()
                .setStartElement(new DateTimeType(
                        rs.getObject("start_date", LocalDate.class).toString()));
        if (rs.getTimestamp("closed_at") != null) {
            plan.getPeriod()
                    .setEndElement(IopFhir.dateTime(rs.getTimestamp("closed_at").toInstant()));
        }
        plan.setCreatedElement(IopFhir.dateTime(rs.getTimestamp("opened_at").toInstant()));
        plan.setAuthor(IopFhir.staff(rs.getString("author")));
        plan.addContributor(IopFhir.staff(rs.getString("primary_clinician_id")));
        PlanContent content = json.readValue(rs.getString("content"), PlanContent.class);
        int g = 0;
        for (PlanContent.Problem problem : content.problems()) {
            for (PlanContent.Goal goal : problem.goals()) {
                Goal resource = goal(clientId, problem, goal, status);
                resource.setId("goal-" + ++g);
                plan.addContained(resource);
                plan.addGoal(new Reference("#goal-" + g));
            }
        }
        for (PlanContent.Intervention intervention : content.interventions()) {
            CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
            detail.setCode(new CodeableConcept()
                    .addCoding(new Coding(
                            IopFhir.CODE_SYSTEM + "modality",
                            intervention.modality().name(),
                            null)));
            detail.setStatus(
                    switch (status) {
                        case "DRAFT" -> CarePlanActivityStatus.NOTSTARTED;
                        case "CLOSED" -> CarePlanActivityStatus.COMPLETED;
                        default -> CarePlanActivityStatus.INPROGRESS;
                    });
            detail.setScheduled(new StringType(intervention.frequency().times() + " per "
                    + intervention.frequency().per().name().toLowerCase()));
            detail.setDescription(intervention.responsibleRole().name()
                    + (intervention.description() == null ? "" : ": " + intervention.description()));
        }
        return Part2Labels.apply(plan, sud);
    }

    private static Goal goal(UUID clientId, PlanContent.Problem problem, PlanContent.Goal goal, String planStatus) {
        Goal resource = new Goal();
        resource.setLifecycleStatus(
                switch (planStatus) {
                    case "DRAFT" -> GoalLifecycleStatus.PROPOSED;
                    case "CLOSED" -> GoalLifecycleStatus.COMPLETED;
                    default -> GoalLifecycleStatus.ACTIVE;
                });
        List<ObjectiveStatus> objectives =
                goal.objectives().stream().map(PlanContent.Objective::status).toList();
        String achievement = !objectives.isEmpty() && objectives.stream().allMatch(ObjectiveStatus.ACHIEVED::equals)
                ? "achieved"
                : objectives.stream().anyMatch(s -> s != ObjectiveStatus.NOT_STARTED) ? "in-progress" : null;
        if (achievement != null) {
            resource.setAchievementStatus(new CodeableConcept()
                    .addCoding(
                            new Coding("http://terminology.hl7.org/CodeSystem/goal-achievement", achievement, null)));
        }
        resource.addCategory(new CodeableConcept()
                .addCoding(new Coding(
                        IopFhir.CODE_SYSTEM + "problem-category",
                        problem.category().name(),
                        null))
                .setText(problem.statement()));
        resource.setDescription(new CodeableConcept().setText(goal.statement()));
        resource.setSubject(IopFhir.patient(clientId));
        Goal.GoalTargetComponent target =
                resource.addTarget().setDue(new DateType(goal.targetDate().toString()));
        if (goal.measureTarget() != null) {
            String loinc = goal.measureTarget().instrument().name().equals("PHQ9")
                    ? TreatmentPlanFhirController.PHQ9_TOTAL
                    : TreatmentPlanFhirController.GAD7_TOTAL;
            target.setMeasure(new CodeableConcept().addCoding(new Coding(IopFhir.LOINC, loinc, null)));
            target.setDetail(new Range().setHigh((SimpleQuantity)
                    new SimpleQuantity().setValue(goal.measureTarget().below() - 1)));
        }
        for (PlanContent.Objective objective : goal.objectives()) {
            resource.addNote().setText("Objective (" + objective.status() + "): " + objective.statement());
        }
        return resource;
    }

    /** Who wrote each plan version, when and why. */
    List<Provenance> provenances(UUID clientId) {
        boolean sud = sud(clientId);
        return jdbc.query(PLAN_VERSIONS, (rs, n) -> provenance(rs, sud), clientId);
    }

    private static Provenance provenance(ResultSet rs, boolean sud) throws SQLException {
        Provenance p = new Provenance();
        int number = rs.getInt("number");
        p.setId(rs.getString("id") + "-" + number);
        p.addTarget(new Reference("CarePlan/" + rs.getString("id") + "/_history/" + number));
        p.setRecorded(Date.from(rs.getTimestamp("created_at").toInstant()));
        p.setActivity(new CodeableConcept()
                .addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/v3-DataOperation",
                        number == 1 ? "CREATE" : "UPDATE",
                        number == 1 ? "create" : "revise")));
        p.addReason(new CodeableConcept().setText(rs.getString("reason")));
        p.addAgent()
                .setType(new CodeableConcept()
                        .addCoding(new Coding(
                                "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                "author",
                                "Author")))
                .setWho(IopFhir.staff(rs.getString("author")));
        return Part2Labels.apply(p, sud);
    }

    /** The client's PHQ-9 and GAD-7 assessments during treatment, oldest first. */
    List<Observation> assessments(UUID clientId) {
        boolean sud = sud(clientId);
        return jdbc.query(
                "SELECT * FROM assessment WHERE client_id = ? ORDER BY administered_at, id",
                (rs, n) -> assessment(clientId, rs, sud),
                clientId);
    }

    private static Observation assessment(UUID clientId, ResultSet rs, boolean sud) throws SQLException {
        Observation o = new Observation();
        o.setId(rs.getString("id"));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept()
                .addCoding(
                        new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        boolean phq9 = rs.getString("instrument").equals("PHQ9");
        o.setCode(new CodeableConcept()
                .addCoding(new Coding(
                        IopFhir.LOINC,
                        phq9 ? TreatmentPlanFhirController.PHQ9_TOTAL : TreatmentPlanFhirController.GAD7_TOTAL,
                        phq9 ? "PHQ-9 total score" : "GAD-7 total score")));
        o.setSubject(IopFhir.patient(clientId));
        Instant administered = rs.getTimestamp("administered_at").toInstant();
        o.setEffective(IopFhir.dateTime(administered));
        o.setIssued(Date.from(rs.getTimestamp("recorded_at").toInstant()));
        o.setValue(new IntegerType(rs.getInt("total")));
        o.addInterpretation(new CodeableConcept().setText(rs.getString("band")));
        o.addPerformer(IopFhir.staff(rs.getString("recorded_by")));
        o.addBasedOn(new Reference("CarePlan/" + rs.getString("plan_id")));
        return Part2Labels.apply(o, sud);
    }
}
