package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A plan review recorded from the chart (treatment-plan's {@code POST /api/plans/{id}/reviews}): who
 * took part, the outcome and a short summary. The review resolves the plan's open flags and sets the
 * next review date; the chart lists the reviews under the plan.
 */
@Controller
class PlanReviewForm {

    static final List<String> OUTCOMES = List.of("KEEP", "REVISE", "STEP_UP", "STEP_DOWN", "DISCHARGE_PLANNING");

    private final ServiceApis apis;

    PlanReviewForm(ServiceApis apis) {
        this.apis = apis;
    }

    @PostMapping("/clients/{id}/plan/reviews")
    String record(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            HttpSession session,
            RedirectAttributes flash) {
        UUID plan = uuid(form.get("planId"));
        if (plan == null) {
            flash.addFlashAttribute("notice", "The chart was out of date; the review was not recorded. Try again.");
            return "redirect:/clients/" + id;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String participants = form.getOrDefault("participants", "");
        body.put(
                "participants",
                Arrays.stream(participants.split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList());
        body.put("outcome", Inquiries.blankToNull(form.get("outcome")));
        body.put("note", Inquiries.blankToNull(form.get("note")));
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/plans/" + plan + "/reviews", body, session);
        if (answer.ok()) {
            flash.addFlashAttribute(
                    "notice",
                    "Review recorded; the next review is due " + answer.object().get("nextDue") + ".");
            return "redirect:/clients/" + id + "#h-plan";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, message) -> errors.put(field.replaceFirst("\\[\\d+\\]$", ""), message));
        flash.addFlashAttribute("reviewFailure", answer.failure());
        flash.addFlashAttribute("reviewErrors", errors);
        flash.addFlashAttribute("reviewForm", form);
        return "redirect:/clients/" + id + "#review-form";
    }

    static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
