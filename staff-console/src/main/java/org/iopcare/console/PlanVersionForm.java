package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A new plan version (treatment-plan's {@code POST /api/plans/{id}/versions}): the current version's
 * content with one more problem, its goal (with a PHQ-9 or GAD-7 target) and a first objective,
 * and the reason for the change. The service keeps every version; the chart lists them.
 */
@Controller
class PlanVersionForm {

    static final List<String> CATEGORIES = List.of("MENTAL_HEALTH", "SUBSTANCE_USE", "CO_OCCURRING", "PSYCHOSOCIAL");

    private final ServiceApis apis;
    private final Times times;

    PlanVersionForm(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/clients/{id}/plan/version")
    String form(@PathVariable UUID id, HttpSession session, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("category", "MENTAL_HEALTH");
        form.put("targetDate", times.today().plusWeeks(8).toString());
        form.put("instrument", "PHQ9");
        form.put("below", "10");
        return show(id, form, Map.of(), null, session, model);
    }

    @PostMapping("/clients/{id}/plan/version")
    String write(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpSession session, Model model) {
        ServiceApis.Answer plan = apis.get(ServiceApis.TREATMENT_PLAN, "/api/clients/" + id + "/plan", session);
        if (!plan.ok()) {
            model.addAttribute("failure", plan.failure());
            return "not-available";
        }
        Map<String, Object> current = plan.object();
        Map<String, Object> content = new LinkedHashMap<>();
        Map<?, ?> existing = current.get("content") instanceof Map<?, ?> map ? map : Map.of();
        List<Object> problems = new ArrayList<>(existing.get("problems") instanceof List<?> list ? list : List.of());
        List<Object> interventions =
                new ArrayList<>(existing.get("interventions") instanceof List<?> list ? list : List.of());
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("statement", Inquiries.blankToNull(form.get("goal")));
        goal.put("targetDate", Inquiries.blankToNull(form.get("targetDate")));
        if (Inquiries.blankToNull(form.get("below")) != null) {
            goal.put(
                    "measureTarget",
                    Map.of("instrument", form.getOrDefault("instrument", "PHQ9"), "below", form.get("below")));
        }
        List<Object> objectives = new ArrayList<>();
        if (Inquiries.blankToNull(form.get("objective")) != null) {
            objectives.add(Map.of("statement", form.get("objective").strip(), "status", "NOT_STARTED"));
        }
        goal.put("objectives", objectives);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("category", Inquiries.blankToNull(form.get("category")));
        problem.put("statement", Inquiries.blankToNull(form.get("problem")));
        problem.put("goals", List.of(goal));
        problems.add(problem);
        content.put("problems", problems);
        content.put("interventions", interventions);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("basedOnVersion", current.get("currentVersion"));
        body.put("reason", Inquiries.blankToNull(form.get("reason")));
        body.put("content", content);
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/plans/" + current.get("id") + "/versions", body, session);
        if (answer.ok()) {
            return "redirect:/clients/" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, message) -> errors.put(formField(field), message));
        return show(id, form, errors, answer.failure(), session, model);
    }

    /** "content.problems[2].goals[0].statement" → "goal": the form's name for the service's field. */
    static String formField(String field) {
        if (field.endsWith("measureTarget.below") || field.endsWith("measureTarget")) {
            return "below";
        }
        if (field.contains("objectives")) {
            return "objective";
        }
        if (field.contains("goals")) {
            return field.endsWith("targetDate") ? "targetDate" : "goal";
        }
        if (field.contains("problems")) {
            return field.endsWith("category") ? "category" : "problem";
        }
        return field;
    }

    private String show(
            UUID id,
            Map<String, String> form,
            Map<String, String> errors,
            @Nullable String failure,
            HttpSession session,
            Model model) {
        ServiceApis.Answer client = apis.get(ServiceApis.INTAKE, "/api/clients/" + id, session);
        model.addAttribute("clientId", id);
        model.addAttribute("client", client.object());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("categories", CATEGORIES);
        return "plan-version";
    }
}
