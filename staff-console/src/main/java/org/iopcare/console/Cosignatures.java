package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
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
 * What of a client's record awaits a supervisor's co-signature: notes signed by staff whose work
 * needs it ({@code PENDING_COSIGNATURE}) and plan versions written by them ({@code
 * awaitingCosignature}), each with its co-sign action. My work's {@code COSIGNATURE_DUE} items lead
 * here: a work item names its client, and this page finds what the item is about in the record.
 */
@Controller
class Cosignatures {

    private final ServiceApis apis;

    Cosignatures(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/clients/{id}/cosignatures")
    String page(@PathVariable UUID id, HttpSession session, Model model) {
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("client", new String[] {ServiceApis.INTAKE, "/api/clients/" + id});
        calls.put("notes", new String[] {ServiceApis.TREATMENT_PLAN, "/api/clients/" + id + "/notes"});
        calls.put("plan", new String[] {ServiceApis.TREATMENT_PLAN, "/api/clients/" + id + "/plan"});
        Map<String, ServiceApis.Answer> parts = apis.getAll(calls, session);
        if (!parts.get("notes").ok() && !parts.get("plan").ok()) {
            model.addAttribute("failure", parts.get("notes").failure());
            return "not-available";
        }
        Object planId = parts.get("plan").object().get("id");
        List<Map<String, Object>> versions = planId == null
                ? List.of()
                : apis.get(ServiceApis.TREATMENT_PLAN, "/api/plans/" + planId + "/versions", session).list().stream()
                        .filter(v -> Boolean.TRUE.equals(v.get("awaitingCosignature")))
                        .toList();
        model.addAttribute("clientId", id);
        model.addAttribute("client", parts.get("client").object());
        model.addAttribute(
                "notes",
                parts.get("notes").list().stream()
                        .filter(n -> "PENDING_COSIGNATURE".equals(n.get("status")))
                        .toList());
        model.addAttribute("planId", planId);
        model.addAttribute("versions", versions);
        return "cosignatures";
    }

    @PostMapping("/clients/{id}/cosignatures/notes/{note}")
    String note(@PathVariable UUID id, @PathVariable UUID note, HttpSession session, RedirectAttributes flash) {
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/notes/" + note + "/cosign", Map.of(), session);
        flash.addFlashAttribute("notice", answer.ok() ? "Note co-signed." : answer.failure());
        return "redirect:/clients/" + id + "/cosignatures";
    }

    @PostMapping("/clients/{id}/cosignatures/versions/{number}")
    String version(
            @PathVariable UUID id,
            @PathVariable int number,
            @RequestParam(required = false) @Nullable String planId,
            HttpSession session,
            RedirectAttributes flash) {
        UUID plan = PlanReviewForm.uuid(planId);
        ServiceApis.Answer answer = plan == null
                ? null
                : apis.post(
                        ServiceApis.TREATMENT_PLAN,
                        "/api/plans/" + plan + "/versions/" + number + "/cosign",
                        Map.of(),
                        session);
        flash.addFlashAttribute(
                "notice",
                answer == null
                        ? "The page was out of date; nothing was co-signed."
                        : answer.ok() ? "Plan version " + number + " co-signed." : answer.failure());
        return "redirect:/clients/" + id + "/cosignatures";
    }
}
