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
 * One note of a client's record (treatment-plan's {@code /api/notes/{id}}): its current content,
 * every saved version and the addenda; the author edits and signs a draft (a progress note, a group
 * note's attendee part, or the discharge summary the service drafted on discharge), any reader adds
 * an addendum to a signed note, and a clinical supervisor co-signs one awaiting it.
 */
@Controller
class NotePage {

    private final ServiceApis apis;

    NotePage(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/notes/{id}")
    String page(@PathVariable UUID id, HttpSession session, Model model) {
        return show(id, null, Map.of(), null, session, model);
    }

    /** A new version of the draft: the note's current content with the form's parts replaced. */
    @PostMapping("/notes/{id}/edit")
    String edit(@PathVariable UUID id, @RequestParam Map<String, String> typed, HttpSession session, Model model) {
        Map<String, String> form = new LinkedHashMap<>(typed);
        ServiceApis.Answer current = apis.get(ServiceApis.TREATMENT_PLAN, "/api/notes/" + id, session);
        if (!current.ok()) {
            model.addAttribute("failure", current.failure());
            return "not-available";
        }
        Map<String, Object> note = current.object();
        Map<String, Object> content = new LinkedHashMap<>(map(note.get("content")));
        switch (String.valueOf(note.get("kind"))) {
            case "DISCHARGE_SUMMARY" ->
                content.put(
                        "discharge",
                        NoteBodies.discharge(form, map(content.get("discharge")).get("facts")));
            case "GROUP" -> content.put("attendee", NoteBodies.attendeePart(form, ""));
            default -> {
                form.put("format", String.valueOf(map(content.get("progress")).get("format")));
                content.put("progress", NoteBodies.progress(form));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("basedOnVersion", ScreeningForm.number(form.get("basedOnVersion")));
        body.put("content", content);
        ServiceApis.Answer answer = apis.put(ServiceApis.TREATMENT_PLAN, "/api/notes/" + id, body, session);
        if (answer.ok()) {
            return "redirect:/notes/" + id + "?saved";
        }
        return show(id, form, NoteBodies.errors(answer), answer.failure(), session, model);
    }

    @PostMapping("/notes/{id}/sign")
    String sign(@PathVariable UUID id, HttpSession session, RedirectAttributes flash) {
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/notes/" + id + "/sign", Map.of(), session);
        flash.addFlashAttribute(
                "notice",
                answer.ok()
                        ? "PENDING_COSIGNATURE".equals(answer.object().get("status"))
                                ? "Signed; it now awaits a supervisor's co-signature."
                                : "Signed."
                        : answer.failure());
        return "redirect:/notes/" + id;
    }

    @PostMapping("/notes/{id}/cosign")
    String cosign(@PathVariable UUID id, HttpSession session, RedirectAttributes flash) {
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/notes/" + id + "/cosign", Map.of(), session);
        flash.addFlashAttribute("notice", answer.ok() ? "Co-signed." : answer.failure());
        return "redirect:/notes/" + id;
    }

    @PostMapping("/notes/{id}/addenda")
    String addendum(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpSession session, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", NoteBodies.text(form, "text"));
        ServiceApis.Answer answer =
                apis.post(ServiceApis.TREATMENT_PLAN, "/api/notes/" + id + "/addenda", body, session);
        if (answer.ok()) {
            return "redirect:/notes/" + id + "?addendum";
        }
        return show(id, form, NoteBodies.errors(answer), answer.failure(), session, model);
    }

    private String show(
            UUID id,
            @Nullable Map<String, String> typed,
            Map<String, String> errors,
            @Nullable String failure,
            HttpSession session,
            Model model) {
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("note", new String[] {ServiceApis.TREATMENT_PLAN, "/api/notes/" + id});
        calls.put("versions", new String[] {ServiceApis.TREATMENT_PLAN, "/api/notes/" + id + "/versions"});
        Map<String, ServiceApis.Answer> parts = apis.getAll(calls, session);
        if (!parts.get("note").ok()) {
            model.addAttribute("failure", parts.get("note").failure());
            return "not-available";
        }
        Map<String, Object> note = parts.get("note").object();
        ServiceApis.Answer plan =
                apis.get(ServiceApis.TREATMENT_PLAN, "/api/clients/" + note.get("clientId") + "/plan", session);
        SignedIn staff = SignedIn.of(session);
        model.addAttribute("note", note);
        model.addAttribute("noteContent", map(note.get("content")));
        model.addAttribute("versions", parts.get("versions").list());
        model.addAttribute("form", typed != null ? typed : formOf(note));
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("draft", "DRAFT".equals(note.get("status")));
        model.addAttribute("author", staff != null && staff.staffId().equals(note.get("author")));
        model.addAttribute(
                "canCosign",
                staff != null && staff.has("CLINICAL_SUPERVISOR") && "PENDING_COSIGNATURE".equals(note.get("status")));
        model.addAttribute("objectives", NoteBodies.objectives(plan.object()));
        model.addAttribute("sectionLabels", NoteBodies.SECTION_LABELS);
        model.addAttribute("sections", NoteBodies.SECTIONS);
        model.addAttribute("ratings", NoteBodies.RATINGS);
        model.addAttribute("riskChecks", NoteBodies.RISK_CHECKS);
        model.addAttribute("participation", NoteBodies.PARTICIPATION);
        model.addAttribute("levelsOfCare", NoteBodies.LEVELS_OF_CARE);
        return "note";
    }

    /** The edit form filled with the note's current content. */
    static Map<String, String> formOf(Map<String, Object> note) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("basedOnVersion", String.valueOf(note.get("currentVersion")));
        Map<String, Object> content = map(note.get("content"));
        Map<String, Object> progress = map(content.get("progress"));
        for (String section : NoteBodies.SECTIONS) {
            form.put(section, progress.get(section) == null ? "" : String.valueOf(progress.get(section)));
        }
        form.put("riskCheck", text(progress.get("riskCheck")));
        if (progress.get("objectives") instanceof List<?> worked && !worked.isEmpty()) {
            form.put("objective", NoteBodies.place(((Map<?, ?>) worked.get(0)).get("objective")));
            form.put("rating", text(((Map<?, ?>) worked.get(0)).get("rating")));
        }
        Map<String, Object> attendee = map(content.get("attendee"));
        if (!attendee.isEmpty()) {
            form.put("participation", text(attendee.get("participation")));
            form.put("objective", NoteBodies.place(attendee.get("objective")));
            form.put("progress", text(attendee.get("progress")));
            form.put("riskCheck", text(attendee.get("riskCheck")));
            form.put("comment", text(attendee.get("comment")));
        }
        Map<String, Object> discharge = map(content.get("discharge"));
        form.put("aftercare", text(discharge.get("aftercare")));
        if (discharge.get("referrals") instanceof List<?> referrals && !referrals.isEmpty()) {
            form.put("levelOfCare", text(((Map<?, ?>) referrals.get(0)).get("levelOfCare")));
            form.put("provider", text(((Map<?, ?>) referrals.get(0)).get("provider")));
        }
        return form;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
