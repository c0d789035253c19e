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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A PHQ-9 or GAD-7 given during care (treatment-plan's {@code POST /api/clients/{id}/assessments}),
 * with the same questions and live total as the screening; the chart draws the totals against the
 * plan's goal.
 */
@Controller
class AssessmentForm {

    private final ServiceApis apis;

    AssessmentForm(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/clients/{id}/assessment")
    String form(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "PHQ9") String instrument,
            HttpSession session,
            Model model) {
        return show(id, instrument, Map.of(), null, session, model);
    }

    @PostMapping("/clients/{id}/assessment")
    String record(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "PHQ9") String instrument,
            @RequestParam Map<String, String> form,
            HttpSession session,
            Model model,
            RedirectAttributes flash) {
        String prefix = instrument.equals("GAD7") ? "gad7-" : "phq9-";
        int items = instrument.equals("GAD7") ? ScreeningForm.GAD7.size() : ScreeningForm.PHQ9.size();
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            answers.add(ScreeningForm.number(form.get(prefix + i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instrument", instrument);
        body.put("answers", answers);
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/clients/" + id + "/assessments", body, session);
        if (answer.ok()) {
            flash.addFlashAttribute(
                    "notice",
                    "Recorded: " + (instrument.equals("GAD7") ? "GAD-7" : "PHQ-9") + " total "
                            + answer.object().get("total") + ".");
            return "redirect:/clients/" + id;
        }
        return show(id, instrument, form, answer.failure(), session, model);
    }

    private String show(
            UUID id,
            String instrument,
            Map<String, String> form,
            @Nullable String failure,
            HttpSession session,
            Model model) {
        boolean gad7 = instrument.equals("GAD7");
        ServiceApis.Answer client = apis.get(ServiceApis.INTAKE, "/api/clients/" + id, session);
        model.addAttribute("clientId", id);
        model.addAttribute("client", client.object());
        model.addAttribute("instrument", gad7 ? "GAD7" : "PHQ9");
        model.addAttribute("label", gad7 ? "GAD-7" : "PHQ-9");
        model.addAttribute("prefix", gad7 ? "gad7" : "phq9");
        model.addAttribute("questions", gad7 ? ScreeningForm.GAD7 : ScreeningForm.PHQ9);
        model.addAttribute("frequency", ScreeningForm.FREQUENCY);
        model.addAttribute("form", form);
        model.addAttribute("failure", failure);
        return "assessment";
    }
}
