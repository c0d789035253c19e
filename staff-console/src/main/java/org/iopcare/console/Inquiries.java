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
 * The intake pipeline: a board of open inquiries by stage, an inquiry taken by phone, and one
 * inquiry's page with its status changes and notes (intake's {@code /api/inquiries}).
 */
@Controller
class Inquiries {

    /** The board's columns: the stages an inquiry is still open in. */
    static final List<String> OPEN_STAGES = List.of("NEW", "CONTACTED", "SCREENING");

    static final List<String> REFERRAL_SOURCES = List.of(
            "SELF",
            "FAMILY",
            "PRIMARY_CARE",
            "THERAPIST",
            "HOSPITAL",
            "PHP_STEP_DOWN",
            "INPATIENT_STEP_DOWN",
            "COURT",
            "EMPLOYER",
            "SCHOOL",
            "INSURANCE",
            "OTHER");

    /** Where each stage may go next from the console (ENROLLED only through enrollment). */
    static final Map<String, List<String>> NEXT = Map.of(
            "NEW", List.of("CONTACTED", "REFERRED_OUT", "CLOSED"),
            "CONTACTED", List.of("SCREENING", "REFERRED_OUT", "CLOSED"),
            "SCREENING", List.of("REFERRED_OUT", "CLOSED"));

    private final ServiceApis apis;

    Inquiries(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/inquiries")
    String board(HttpSession session, Model model) {
        Map<String, List<Map<String, Object>>> columns = new LinkedHashMap<>();
        String failure = null;
        for (String stage : OPEN_STAGES) {
            ServiceApis.Answer answer =
                    apis.get(ServiceApis.INTAKE, "/api/inquiries?status=" + stage + "&size=100", session);
            if (!answer.ok()) {
                failure = answer.failure();
            }
            columns.put(stage, answer.list());
        }
        model.addAttribute("columns", columns);
        model.addAttribute("failure", failure);
        return "inquiries";
    }

    @GetMapping("/inquiries/new")
    String newInquiry(Model model) {
        model.addAttribute("form", Map.of("preferredChannel", "SMS", "referralSource", "SELF"));
        model.addAttribute("errors", Map.of());
        model.addAttribute("referralSources", REFERRAL_SOURCES);
        return "inquiry-new";
    }

    /** An inquiry taken by phone: the same form the public page posts, filled in by staff. */
    @PostMapping("/inquiries/new")
    String take(@RequestParam Map<String, String> form, HttpSession session, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", blankToNull(form.get("firstName")));
        body.put("lastName", blankToNull(form.get("lastName")));
        body.put("phone", blankToNull(form.get("phone")));
        body.put("email", blankToNull(form.get("email")));
        body.put("preferredChannel", blankToNull(form.get("preferredChannel")));
        body.put("contactConsent", "on".equals(form.get("contactConsent")));
        body.put("helpWith", blankToNull(form.get("helpWith")));
        body.put("referralSource", blankToNull(form.get("referralSource")));
        ServiceApis.Answer answer = apis.post(ServiceApis.INTAKE, "/api/inquiries", body, session);
        if (answer.ok()) {
            return "redirect:/inquiries/" + answer.object().get("id");
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", answer.fieldErrors());
        model.addAttribute("failure", answer.failure());
        model.addAttribute("referralSources", REFERRAL_SOURCES);
        return "inquiry-new";
    }

    @GetMapping("/inquiries/{id}")
    String inquiry(@PathVariable UUID id, HttpSession session, Model model) {
        ServiceApis.Answer inquiry = apis.get(ServiceApis.INTAKE, "/api/inquiries/" + id, session);
        if (!inquiry.ok()) {
            model.addAttribute("failure", inquiry.failure());
            return "not-available";
        }
        ServiceApis.Answer history = apis.get(ServiceApis.INTAKE, "/api/inquiries/" + id + "/history", session);
        String status = String.valueOf(inquiry.object().get("status"));
        model.addAttribute("inquiry", inquiry.object());
        model.addAttribute("history", history.list());
        model.addAttribute("next", NEXT.getOrDefault(status, List.of()));
        return "inquiry";
    }

    @PostMapping("/inquiries/{id}")
    String change(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String note,
            HttpSession session,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", blankToNull(status));
        body.put("note", blankToNull(note));
        ServiceApis.Answer answer = apis.patch(ServiceApis.INTAKE, "/api/inquiries/" + id, body, session);
        flash.addFlashAttribute("notice", answer.ok() ? "Saved." : answer.failure());
        return "redirect:/inquiries/" + id;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
