package org.iopcare.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The note forms' fields as treatment-plan's note content (docs/treatment-plan-service.md, "Clinical
 * notes"), and the service's field names back as the forms' names. The service checks the content;
 * the console sends what was typed, blanks as absent.
 */
final class NoteBodies {

    static final List<String> DAP = List.of("data", "assessment", "plan");
    static final List<String> BIRP = List.of("behavior", "intervention", "response", "plan");
    static final List<String> SECTIONS = List.of("data", "assessment", "behavior", "intervention", "response", "plan");
    static final Map<String, String> SECTION_LABELS = Map.of(
            "data", "Data: what the client reported and you observed",
            "assessment", "Assessment: your interpretation",
            "behavior", "Behavior: how the client presented",
            "intervention", "Intervention: what you did",
            "response", "Response: how the client responded",
            "plan", "Plan: what comes next");
    static final List<String> RATINGS =
            List.of("REGRESSED", "NO_CHANGE", "SOME_PROGRESS", "SIGNIFICANT_PROGRESS", "ACHIEVED");
    static final List<String> RISK_CHECKS =
            List.of("NO_RISK_IDENTIFIED", "RISK_IDENTIFIED_SAFETY_PLAN_REVIEWED", "RISK_IDENTIFIED_ESCALATED");
    static final List<String> PARTICIPATION = List.of("ACTIVE", "RESPONSIVE_WHEN_PROMPTED", "MINIMAL", "DISRUPTIVE");
    static final List<String> MODALITIES =
            List.of("GROUP_THERAPY", "PSYCHOEDUCATION", "SUPPORT_GROUP", "EXPRESSIVE_THERAPY", "FAMILY_SESSION");
    static final List<String> LEVELS_OF_CARE = List.of("OUTPATIENT", "IOP", "PHP", "INPATIENT", "CRISIS");

    private NoteBodies() {}

    /** A progress note in the chosen format: its sections only, the objective worked on and its rating. */
    static Map<String, Object> progress(Map<String, String> form) {
        String format = "BIRP".equals(form.get("format")) ? "BIRP" : "DAP";
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("format", format);
        for (String section : SECTIONS) {
            progress.put(section, (format.equals("DAP") ? DAP : BIRP).contains(section) ? text(form, section) : null);
        }
        List<Object> objectives = new ArrayList<>();
        Map<String, Object> objective = objective(form.get("objective"));
        if (objective != null) {
            Map<String, Object> worked = new LinkedHashMap<>();
            worked.put("objective", objective);
            worked.put("rating", text(form, "rating"));
            objectives.add(worked);
        }
        progress.put("objectives", objectives);
        progress.put("riskCheck", text(form, "riskCheck"));
        return progress;
    }

    /** A discharge summary's part the clinician completes; the service puts the facts back. */
    static Map<String, Object> discharge(Map<String, String> form, @Nullable Object facts) {
        Map<String, Object> discharge = new LinkedHashMap<>();
        discharge.put("facts", facts);
        discharge.put("aftercare", text(form, "aftercare"));
        List<Object> referrals = new ArrayList<>();
        if (text(form, "provider") != null) {
            referrals.add(Map.of(
                    "levelOfCare", form.getOrDefault("levelOfCare", "OUTPATIENT"), "provider", text(form, "provider")));
        }
        discharge.put("referrals", referrals);
        return discharge;
    }

    /** One attendee's part of a group note, from fields named {@code <name>-<suffix>}. */
    static Map<String, Object> attendeePart(Map<String, String> form, String suffix) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("participation", text(form, "participation" + suffix));
        part.put("objective", objective(form.get("objective" + suffix)));
        part.put("progress", text(form, "progress" + suffix));
        part.put("riskCheck", text(form, "riskCheck" + suffix));
        part.put("comment", text(form, "comment" + suffix));
        return part;
    }

    /** The group's part: topic, modality and the interventions, one a line. */
    static Map<String, Object> groupPart(Map<String, String> form) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("topic", text(form, "topic"));
        group.put("modality", text(form, "modality"));
        List<String> interventions = new ArrayList<>();
        String lines = form.get("interventions");
        if (lines != null) {
            lines.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(interventions::add);
        }
        group.put("interventions", interventions);
        return group;
    }

    /** "1.2.1" (problem, goal, objective, from 1) as the service's reference; blank or malformed: none. */
    static @Nullable Map<String, Object> objective(@Nullable String place) {
        if (place == null || !place.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}")) {
            return null;
        }
        String[] parts = place.split("\\.");
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("problem", Integer.parseInt(parts[0]));
        ref.put("goal", Integer.parseInt(parts[1]));
        ref.put("objective", Integer.parseInt(parts[2]));
        return ref;
    }

    /** The place of an objective reference as the forms write it, "1.2.1"; empty for none. */
    static String place(@Nullable Object reference) {
        if (reference instanceof Map<?, ?> ref && ref.get("problem") != null) {
            return ref.get("problem") + "." + ref.get("goal") + "." + ref.get("objective");
        }
        return "";
    }

    /**
     * The objectives of a plan's current content, as place to "problem › goal › objective", for the
     * forms' objective choice.
     */
    static Map<String, String> objectives(Map<String, Object> plan) {
        Map<String, String> found = new LinkedHashMap<>();
        Object content = plan.get("content");
        List<?> problems =
                content instanceof Map<?, ?> map && map.get("problems") instanceof List<?> list ? list : List.of();
        for (int p = 0; p < problems.size(); p++) {
            Map<?, ?> problem = (Map<?, ?>) problems.get(p);
            List<?> goals = problem.get("goals") instanceof List<?> list ? list : List.of();
            for (int g = 0; g < goals.size(); g++) {
                Map<?, ?> goal = (Map<?, ?>) goals.get(g);
                List<?> objectives = goal.get("objectives") instanceof List<?> list ? list : List.of();
                for (int o = 0; o < objectives.size(); o++) {
                    Map<?, ?> objective = (Map<?, ?>) objectives.get(o);
                    found.put(
                            (p + 1) + "." + (g + 1) + "." + (o + 1),
                            goal.get("statement") + " › " + objective.get("statement"));
                }
            }
        }
        return found;
    }

    /**
     * The service's field name as the form's: "progress.data" → "data",
     * "progress.objectives[0].rating" → "rating", "content.discharge.aftercare" → "aftercare",
     * "attendees[1].part.comment" → "comment-1", "group.topic" → "topic".
     */
    static String formField(String field) {
        String name = field.replaceFirst("^content\\.", "")
                .replaceFirst("^(progress|discharge|group)\\.", "")
                .replaceFirst("^attendee\\.", "");
        java.util.regex.Matcher attendee = java.util.regex.Pattern.compile("^attendees\\[(\\d+)\\]\\.part\\.(\\w+).*")
                .matcher(name);
        if (attendee.matches()) {
            return attendee.group(2) + "-" + attendee.group(1);
        }
        if (name.startsWith("objectives")) {
            return name.endsWith("rating") ? "rating" : "objective";
        }
        if (name.startsWith("referrals")) {
            return name.endsWith("levelOfCare") ? "levelOfCare" : "provider";
        }
        if (name.startsWith("interventions")) {
            return "interventions";
        }
        return name;
    }

    /** The answer's field errors under the forms' names. */
    static Map<String, String> errors(ServiceApis.Answer answer) {
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors()
                .forEach((field, message) -> errors.merge(formField(field), message, (a, b) -> a + "; " + b));
        return errors;
    }

    /** The form's field, stripped; null when blank or absent. */
    static @Nullable String text(Map<String, String> form, String name) {
        return Inquiries.blankToNull(form.get(name));
    }
}
