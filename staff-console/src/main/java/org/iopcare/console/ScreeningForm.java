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
 * The structured screening (intake's {@code POST /api/inquiries/{id}/screenings}): six risk
 * dimensions, PHQ-9 and GAD-7 with their totals and bands as the clinician answers, the safety
 * questions; then the recommended level of care with its reasons, and an override with a written
 * reason.
 */
@Controller
class ScreeningForm {

    /** The six dimensions, in the order of the form: field name and what staff read. */
    static final Map<String, String> DIMENSIONS = ordered(
            "withdrawal", "Intoxication and withdrawal potential",
            "biomedical", "Biomedical conditions and complications",
            "emotional", "Emotional, behavioural or cognitive conditions",
            "readiness", "Readiness to change (4: not ready at all)",
            "relapse", "Relapse or continued use potential",
            "environment", "Recovery or living environment (4: unsupportive, unsafe)");

    /** PHQ-9, over the last two weeks (Kroenke, Spitzer and Williams; free to use). */
    static final List<String> PHQ9 = List.of(
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed, or the opposite: being so"
                    + " fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead, or of hurting yourself in some way");

    /** GAD-7, over the last two weeks (Spitzer, Kroenke, Williams and Löwe; free to use). */
    static final List<String> GAD7 = List.of(
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen");

    static final List<String> FREQUENCY =
            List.of("Not at all", "Several days", "More than half the days", "Nearly every day");

    static final List<String> CURRENT_CARE = List.of("NONE", "OUTPATIENT", "IOP", "PHP", "INPATIENT");

    static final List<String> LEVELS = List.of("OUTPATIENT", "IOP", "PHP", "INPATIENT", "CRISIS");

    private final ServiceApis apis;

    ScreeningForm(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/inquiries/{id}/screening")
    String form(@PathVariable UUID id, HttpSession session, Model model) {
        ServiceApis.Answer inquiry = apis.get(ServiceApis.INTAKE, "/api/inquiries/" + id, session);
        if (!inquiry.ok()) {
            model.addAttribute("failure", inquiry.failure());
            return "not-available";
        }
        return show(model, inquiry.object(), Map.of(), Map.of(), null);
    }

    @PostMapping("/inquiries/{id}/screening")
    String screen(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpSession session, Model model) {
        Map<String, Object> ratings = new LinkedHashMap<>();
        DIMENSIONS.keySet().forEach(name -> ratings.put(name, number(form.get(name))));
        List<Integer> phq9 = new ArrayList<>();
        for (int i = 1; i <= PHQ9.size(); i++) {
            phq9.add(number(form.get("phq9-" + i)));
        }
        List<Integer> gad7 = new ArrayList<>();
        for (int i = 1; i <= GAD7.size(); i++) {
            gad7.add(number(form.get("gad7-" + i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ratings", ratings);
        body.put("phq9", phq9);
        body.put("gad7", gad7);
        body.put("currentCare", Inquiries.blankToNull(form.get("currentCare")));
        body.put("recentRelapse", "on".equals(form.get("recentRelapse")));
        body.put("coOccurringDisorders", "on".equals(form.get("coOccurringDisorders")));
        body.put(
                "safety",
                Map.of(
                        "suicidalIntent", "on".equals(form.get("suicidalIntent")),
                        "recentSuicideAttempt", "on".equals(form.get("recentSuicideAttempt")),
                        "homicidalIdeation", "on".equals(form.get("homicidalIdeation"))));
        ServiceApis.Answer answer =
                apis.post(ServiceApis.INTAKE, "/api/inquiries/" + id + "/screenings", body, session);
        if (answer.ok()) {
            return "redirect:/screenings/" + answer.object().get("id");
        }
        ServiceApis.Answer inquiry = apis.get(ServiceApis.INTAKE, "/api/inquiries/" + id, session);
        return show(model, inquiry.object(), form, answer.fieldErrors(), answer.failure());
    }

    @GetMapping("/screenings/{id}")
    String result(@PathVariable UUID id, HttpSession session, Model model) {
        ServiceApis.Answer screening = apis.get(ServiceApis.INTAKE, "/api/screenings/" + id, session);
        if (!screening.ok()) {
            model.addAttribute("failure", screening.failure());
            return "not-available";
        }
        model.addAttribute("screening", screening.object());
        model.addAttribute("levels", LEVELS);
        return "screening";
    }

    @PostMapping("/screenings/{id}/override")
    String override(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String reason,
            HttpSession session,
            Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", Inquiries.blankToNull(level));
        body.put("reason", Inquiries.blankToNull(reason));
        ServiceApis.Answer answer = apis.post(ServiceApis.INTAKE, "/api/screenings/" + id + "/override", body, session);
        String page = result(id, session, model);
        if (!answer.ok()) {
            model.addAttribute("overrideErrors", answer.fieldErrors());
            model.addAttribute("overrideFailure", answer.failure());
        } else {
            model.addAttribute("notice", "The decision is recorded.");
        }
        return page;
    }

    private String show(
            Model model,
            Map<String, Object> inquiry,
            Map<String, String> form,
            Map<String, String> errors,
            @Nullable String failure) {
        model.addAttribute("inquiry", inquiry);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("dimensions", DIMENSIONS);
        model.addAttribute("phq9", PHQ9);
        model.addAttribute("gad7", GAD7);
        model.addAttribute("frequency", FREQUENCY);
        model.addAttribute("currentCare", CURRENT_CARE);
        return "screening-form";
    }

    static @Nullable Integer number(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
