package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The facilitator's group note (treatment-plan's {@code POST /api/group-notes}, then {@code /sign}):
 * the group's part written once, and a short part for each attendee recorded present or late in
 * scheduling's roster ({@code GET /api/group-sessions}, whose roster names each client's session).
 * Absent and excused clients get no part, so no note. Saving puts a draft in each attendee's record;
 * "Save and sign" signs them all at once.
 */
@Controller
class GroupNoteForm {

    static final Set<String> PRESENT = Set.of("PRESENT", "LATE");

    private final ServiceApis apis;
    private final Times times;

    GroupNoteForm(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/groups/{id}/note")
    String form(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String date,
            HttpSession session,
            Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("modality", "GROUP_THERAPY");
        return show(id, day(date), form, Map.of(), null, session, model);
    }

    @PostMapping("/groups/{id}/note")
    String write(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam Map<String, String> form,
            HttpSession session,
            Model model,
            RedirectAttributes flash) {
        List<Map<String, Object>> attendees = new ArrayList<>();
        for (int i = 0; form.containsKey("session-" + i); i++) {
            Map<String, Object> attendee = new LinkedHashMap<>();
            attendee.put("sessionId", NoteBodies.text(form, "session-" + i));
            attendee.put("part", NoteBodies.attendeePart(form, "-" + i));
            attendees.add(attendee);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group", NoteBodies.groupPart(form));
        body.put("attendees", attendees);
        ServiceApis.Answer created = apis.post(ServiceApis.TREATMENT_PLAN, "/api/group-notes", body, session);
        if (!created.ok()) {
            return show(id, day(date), form, NoteBodies.errors(created), created.failure(), session, model);
        }
        int notes = created.object().get("notes") instanceof List<?> list ? list.size() : 0;
        String notice = "Group note saved: a draft in each of " + notes + " attendees' records.";
        if ("sign".equals(form.get("action"))) {
            ServiceApis.Answer signed = apis.post(
                    ServiceApis.TREATMENT_PLAN,
                    "/api/group-notes/" + created.object().get("id") + "/sign",
                    Map.of(),
                    session);
            notice = signed.ok()
                    ? "Group note signed: in each of " + notes + " attendees' records."
                    : "Group note saved as drafts, not signed: " + signed.failure();
        }
        flash.addFlashAttribute("notice", notice);
        return "redirect:/groups?date=" + day(date);
    }

    private String show(
            UUID id,
            LocalDate day,
            Map<String, String> form,
            Map<String, String> errors,
            @Nullable String failure,
            HttpSession session,
            Model model) {
        ServiceApis.Answer groups = apis.get(ServiceApis.SCHEDULING, "/api/group-sessions?date=" + day, session);
        Map<String, Object> group = groups.list().stream()
                .filter(g -> id.toString().equals(String.valueOf(g.get("id"))))
                .findFirst()
                .orElse(null);
        if (group == null) {
            model.addAttribute("failure", groups.ok() ? "No such group on " + day + "." : groups.failure());
            return "not-available";
        }
        List<Map<String, Object>> present = new ArrayList<>();
        if (group.get("roster") instanceof List<?> roster) {
            roster.stream()
                    .map(seat -> NotePage.map(seat))
                    .filter(seat -> PRESENT.contains(String.valueOf(seat.get("attendance"))))
                    .forEach(present::add);
        }
        Map<String, String[]> calls = new LinkedHashMap<>();
        for (Map<String, Object> seat : present) {
            String client = String.valueOf(seat.get("clientId"));
            calls.put("client-" + client, new String[] {ServiceApis.INTAKE, "/api/clients/" + client});
            calls.put("plan-" + client, new String[] {ServiceApis.TREATMENT_PLAN, "/api/clients/" + client + "/plan"});
        }
        Map<String, ServiceApis.Answer> parts = apis.getAll(calls, session);
        List<Map<String, Object>> attendees = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            Map<String, Object> seat = present.get(i);
            String client = String.valueOf(seat.get("clientId"));
            Map<String, Object> person = parts.get("client-" + client).object();
            Map<String, Object> attendee = new LinkedHashMap<>();
            attendee.put("index", i);
            attendee.put("sessionId", seat.get("sessionId"));
            attendee.put("clientId", client);
            attendee.put(
                    "name",
                    person.isEmpty()
                            ? "Client " + client.substring(0, 8)
                            : person.get("firstName") + " " + person.get("lastName"));
            attendee.put("attendance", seat.get("attendance"));
            attendee.put(
                    "objectives",
                    NoteBodies.objectives(parts.get("plan-" + client).object()));
            attendees.add(attendee);
        }
        model.addAttribute("group", group);
        model.addAttribute("day", day);
        model.addAttribute("attendees", attendees);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("modalities", NoteBodies.MODALITIES);
        model.addAttribute("participation", NoteBodies.PARTICIPATION);
        model.addAttribute("ratings", NoteBodies.RATINGS);
        model.addAttribute("riskChecks", NoteBodies.RISK_CHECKS);
        return "group-note";
    }

    private LocalDate day(@Nullable String date) {
        try {
            return date == null || date.isBlank() ? times.today() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return times.today();
        }
    }
}
