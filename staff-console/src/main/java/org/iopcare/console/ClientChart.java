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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's chart, assembled from the four services side by side: contact and consents and care
 * team (intake), schedule and weekly hours against the minimum (scheduling), plan and assessments
 * (treatment-plan), messages and their delivery and the client's replies (notification), and who opened the chart (each
 * service's audit trail). Each part shows what the staff member's role and caseload allow; a part a
 * role may not read says so instead of failing the page.
 */
@Controller
class ClientChart {

    static final List<String> DISCHARGE_REASONS =
            List.of("COMPLETED", "LEFT_PROGRAM", "STEPPED_UP", "STEPPED_DOWN", "TRANSFERRED", "ADMINISTRATIVE");

    private final ServiceApis apis;
    private final Times times;

    ClientChart(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/clients/{id}")
    String chart(@PathVariable UUID id, HttpSession session, Model model) {
        String client = "/api/clients/" + id;
        LocalDate today = times.today();
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("client", new String[] {ServiceApis.INTAKE, client});
        calls.put("careTeam", new String[] {ServiceApis.INTAKE, client + "/care-team"});
        calls.put("sessions", new String[] {
            ServiceApis.SCHEDULING, client + "/sessions?from=" + today.minusWeeks(2) + "&to=" + today.plusWeeks(2)
        });
        calls.put("attendance", new String[] {ServiceApis.SCHEDULING, client + "/attendance-summary"});
        calls.put("plan", new String[] {ServiceApis.TREATMENT_PLAN, client + "/plan"});
        calls.put("assessments", new String[] {ServiceApis.TREATMENT_PLAN, client + "/assessments"});
        calls.put("notes", new String[] {ServiceApis.TREATMENT_PLAN, client + "/notes"});
        calls.put("messages", new String[] {ServiceApis.NOTIFICATION, "/api/clients/" + id + "/messages"});
        calls.put("replies", new String[] {ServiceApis.NOTIFICATION, "/api/inbox?clientId=" + id});
        for (String service : List.of(
                ServiceApis.INTAKE, ServiceApis.SCHEDULING, ServiceApis.TREATMENT_PLAN, ServiceApis.NOTIFICATION)) {
            calls.put("audit-" + service, new String[] {service, "/api/audit?clientId=" + id + "&size=100"});
        }
        Map<String, ServiceApis.Answer> parts = apis.getAll(calls, session);
        ServiceApis.Answer found = parts.get("client");
        if (!found.ok()) {
            model.addAttribute("failure", found.failure());
            return "not-available";
        }
        model.addAttribute("clientId", id);
        model.addAttribute("parts", parts);
        model.addAttribute("client", found.object());
        List<Map<String, Object>> audit = new java.util.ArrayList<>();
        boolean auditReadable = false;
        for (Map.Entry<String, ServiceApis.Answer> part : parts.entrySet()) {
            if (part.getKey().startsWith("audit-") && part.getValue().ok()) {
                auditReadable = true;
                audit.addAll(part.getValue().list());
            }
        }
        audit.sort(
                java.util.Comparator.comparing((Map<String, Object> entry) -> String.valueOf(entry.get("occurredAt")))
                        .reversed());
        model.addAttribute("audit", audit.size() > 60 ? audit.subList(0, 60) : audit);
        model.addAttribute("auditPeople", people(audit));
        model.addAttribute("auditReadable", auditReadable);
        model.addAttribute("dischargeReasons", DISCHARGE_REASONS);
        ServiceApis.Answer assessments = parts.get("assessments");
        model.addAttribute(
                "trends",
                assessments.ok()
                        ? Trend.of(
                                list(assessments.object().get("assessments")),
                                list(assessments.object().get("goals")))
                        : List.of());
        Map<String, Object> plan = parts.get("plan").object();
        if (plan.get("id") != null) {
            String planPath = "/api/plans/" + plan.get("id");
            Map<String, ServiceApis.Answer> history = apis.getAll(
                    Map.of(
                            "versions", new String[] {ServiceApis.TREATMENT_PLAN, planPath + "/versions"},
                            "reviews", new String[] {ServiceApis.TREATMENT_PLAN, planPath + "/reviews"}),
                    session);
            model.addAttribute("versions", history.get("versions").list());
            model.addAttribute("reviews", history.get("reviews").list());
        } else {
            model.addAttribute("versions", List.of());
            model.addAttribute("reviews", List.of());
        }
        model.addAttribute("sessionTimes", sessionTimes(parts.get("sessions")));
        model.addAttribute("reviewOutcomes", PlanReviewForm.OUTCOMES);
        if (!model.containsAttribute("reviewForm")) {
            model.addAttribute("reviewForm", Map.of());
            model.addAttribute("reviewErrors", Map.of());
        }
        return "client";
    }

    /**
     * Who opened the chart, each person once with their latest access and how many accesses: a
     * clinician busy with the chart does not push a one-time reader out of sight.
     *
     * @param accesses newest first
     */
    static List<AuditPerson> people(List<Map<String, Object>> accesses) {
        Map<String, AuditPerson> people = new LinkedHashMap<>();
        for (Map<String, Object> access : accesses) {
            String actor = String.valueOf(access.get("actor"));
            AuditPerson seen = people.get(actor);
            people.put(
                    actor,
                    seen == null
                            ? new AuditPerson(actor, access.get("occurredAt"), 1)
                            : new AuditPerson(actor, seen.latest(), seen.accesses() + 1));
        }
        return List.copyOf(people.values());
    }

    /** One person in the accounting of access. */
    record AuditPerson(String actor, Object latest, int accesses) {}

    /** Session id to its start, so that the notes list shows when each documented session was. */
    private static Map<String, Object> sessionTimes(ServiceApis.Answer sessions) {
        Map<String, Object> times = new java.util.HashMap<>();
        sessions.list().forEach(s -> times.put(String.valueOf(s.get("id")), s.get("startsAt")));
        return times;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(@Nullable Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @PostMapping("/clients/{id}/discharge")
    String discharge(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String effectiveDate,
            @RequestParam(required = false) @Nullable String note,
            HttpSession session,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", Inquiries.blankToNull(reason));
        body.put("effectiveDate", Inquiries.blankToNull(effectiveDate));
        body.put("note", Inquiries.blankToNull(note));
        ServiceApis.Answer answer = apis.post(ServiceApis.INTAKE, "/api/clients/" + id + "/discharge", body, session);
        flash.addFlashAttribute("notice", answer.ok() ? "Discharged." : answer.failure());
        return "redirect:/clients/" + id;
    }
}
