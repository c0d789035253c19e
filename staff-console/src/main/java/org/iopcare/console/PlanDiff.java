package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two versions of a client's plan side by side as a list of lines (problems, goals with their
 * targets, objectives with their status, interventions), marked kept, added or removed
 * (treatment-plan's {@code GET /api/plans/{id}/versions/{number}}).
 */
@Controller
class PlanDiff {

    private final ServiceApis apis;

    PlanDiff(ServiceApis apis) {
        this.apis = apis;
    }

    /** One line of the comparison: {@code kind} is "kept", "added" or "removed". */
    record Line(String kind, String text) {}

    @GetMapping("/clients/{id}/plan/diff")
    String diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to, HttpSession session, Model model) {
        ServiceApis.Answer plan = apis.get(ServiceApis.TREATMENT_PLAN, "/api/clients/" + id + "/plan", session);
        if (!plan.ok()) {
            model.addAttribute("failure", plan.failure());
            return "not-available";
        }
        String versions = "/api/plans/" + plan.object().get("id") + "/versions/";
        ServiceApis.Answer older = apis.get(ServiceApis.TREATMENT_PLAN, versions + from, session);
        ServiceApis.Answer newer = apis.get(ServiceApis.TREATMENT_PLAN, versions + to, session);
        if (!older.ok() || !newer.ok()) {
            model.addAttribute("failure", (older.ok() ? newer : older).failure());
            return "not-available";
        }
        model.addAttribute("clientId", id);
        model.addAttribute("older", older.object());
        model.addAttribute("newer", newer.object());
        model.addAttribute("lines", compare(lines(older.object()), lines(newer.object())));
        return "plan-diff";
    }

    /** A plan version's content as the lines staff compare. */
    static List<String> lines(Map<String, Object> version) {
        List<String> lines = new ArrayList<>();
        Map<?, ?> content = version.get("content") instanceof Map<?, ?> map ? map : Map.of();
        for (Object p : list(content.get("problems"))) {
            Map<?, ?> problem = (Map<?, ?>) p;
            lines.add("Problem (" + problem.get("category") + "): " + problem.get("statement"));
            for (Object g : list(problem.get("goals"))) {
                Map<?, ?> goal = (Map<?, ?>) g;
                String target = goal.get("measureTarget") instanceof Map<?, ?> measure
                        ? ", " + measure.get("instrument") + " below " + measure.get("below")
                        : "";
                lines.add("  Goal: " + goal.get("statement") + " (by " + goal.get("targetDate") + target + ")");
                for (Object o : list(goal.get("objectives"))) {
                    Map<?, ?> objective = (Map<?, ?>) o;
                    lines.add("    Objective: " + objective.get("statement") + " [" + objective.get("status") + "]");
                }
            }
        }
        for (Object i : list(content.get("interventions"))) {
            Map<?, ?> intervention = (Map<?, ?>) i;
            Map<?, ?> frequency =
                    intervention.get("frequency") instanceof Map<?, ?> map ? map : Map.of("times", "?", "per", "?");
            lines.add("Intervention: " + intervention.get("modality") + ", " + frequency.get("times") + " per "
                    + frequency.get("per") + ", " + intervention.get("responsibleRole")
                    + (intervention.get("description") == null ? "" : ": " + intervention.get("description")));
        }
        return lines;
    }

    /** The longest common subsequence of the two line lists, the rest marked added or removed. */
    static List<Line> compare(List<String> older, List<String> newer) {
        int[][] common = new int[older.size() + 1][newer.size() + 1];
        for (int i = older.size() - 1; i >= 0; i--) {
            for (int j = newer.size() - 1; j >= 0; j--) {
                common[i][j] = older.get(i).equals(newer.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < older.size() || j < newer.size()) {
            if (i < older.size() && j < newer.size() && older.get(i).equals(newer.get(j))) {
                lines.add(new Line("kept", older.get(i)));
                i++;
                j++;
            } else if (j < newer.size() && (i == older.size() || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new Line("added", newer.get(j++)));
            } else {
                lines.add(new Line("removed", older.get(i++)));
            }
        }
        return lines;
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
