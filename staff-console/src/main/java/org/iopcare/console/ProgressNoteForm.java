package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
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
 * A progress note for one of the client's individual sessions or check-ins (treatment-plan's
 * {@code POST /api/clients/{id}/notes}), in DAP or BIRP structure, with the plan objective worked on
 * and its progress rating. It is saved as a draft and opens on the note's page, where it is edited
 * and signed.
 */
@Controller
class ProgressNoteForm {

    private final ServiceApis apis;
    private final Times times;

    ProgressNoteForm(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/clients/{id}/notes/new")
    String form(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "DAP") String format,
            @RequestParam(required = false) @Nullable String sessionId,
            HttpSession session,
            Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("format", "BIRP".equals(format) ? "BIRP" : "DAP");
        form.put("sessionId", sessionId == null ? "" : sessionId);
        form.put("riskCheck", "NO_RISK_IDENTIFIED");
        return show(id, form, Map.of(), null, session, model);
    }

    @PostMapping("/clients/{id}/notes")
    String write(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpSession session, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", NoteBodies.text(form, "sessionId"));
        body.put("progress", NoteBodies.progress(form));
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/clients/" + id + "/notes", body, session);
        if (answer.ok()) {
            return "redirect:/notes/" + answer.object().get("id") + "?saved";
        }
        return show(id, form, NoteBodies.errors(answer), answer.failure(), session, model);
    }

    private String show(
            UUID id,
            Map<String, String> form,
            Map<String, String> errors,
            @Nullable String failure,
            HttpSession session,
            Model model) {
        LocalDate today = times.today();
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("client", new String[] {ServiceApis.INTAKE, "/api/clients/" + id});
        calls.put("plan", new String[] {ServiceApis.TREATMENT_PLAN, "/api/clients/" + id + "/plan"});
        calls.put("sessions", new String[] {
            ServiceApis.SCHEDULING,
            "/api/clients/" + id + "/sessions?from=" + today.minusWeeks(2) + "&to=" + today.plusDays(1)
        });
        Map<String, ServiceApis.Answer> parts = apis.getAll(calls, session);
        List<Map<String, Object>> sessions = parts.get("sessions").list().stream()
                .filter(s -> !"GROUP".equals(s.get("kind")) && !"CANCELLED".equals(s.get("status")))
                .toList();
        model.addAttribute("clientId", id);
        model.addAttribute("client", parts.get("client").object());
        model.addAttribute("sessions", sessions);
        model.addAttribute("objectives", NoteBodies.objectives(parts.get("plan").object()));
        model.addAttribute("sections", "BIRP".equals(form.get("format")) ? NoteBodies.BIRP : NoteBodies.DAP);
        model.addAttribute("sectionLabels", NoteBodies.SECTION_LABELS);
        model.addAttribute("ratings", NoteBodies.RATINGS);
        model.addAttribute("riskChecks", NoteBodies.RISK_CHECKS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        return "note-new";
    }
}
