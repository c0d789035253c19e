package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A day's group sessions with their rosters (scheduling's {@code GET /api/group-sessions}), and one
 * group's attendance taken on one screen and saved in one call
 * ({@code POST /api/group-sessions/{id}/attendance}). Client names come from intake, asked side by
 * side for the roster.
 */
@Controller
class Groups {

    static final List<String> MARKS = List.of("PRESENT", "LATE", "EXCUSED", "ABSENT");

    private final ServiceApis apis;
    private final Times times;

    Groups(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/groups")
    String day(@RequestParam(required = false) @Nullable String date, HttpSession session, Model model) {
        LocalDate day = parse(date);
        ServiceApis.Answer groups = apis.get(ServiceApis.SCHEDULING, "/api/group-sessions?date=" + day, session);
        model.addAttribute("day", day);
        model.addAttribute("groups", groups.list());
        model.addAttribute("names", names(groups.list(), session));
        model.addAttribute("failure", groups.ok() ? null : groups.failure());
        model.addAttribute("marks", MARKS);
        return "groups";
    }

    /**
     * The whole group's attendance: one mark per client on the roster ({@code mark-<clientId>}),
     * minutes late for LATE ({@code late-<clientId>}); clients left unmarked are left as they are.
     */
    @PostMapping("/groups/{id}/attendance")
    String attendance(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) @Nullable String date,
            HttpSession session,
            RedirectAttributes flash) {
        List<Map<String, Object>> entries = new ArrayList<>();
        form.forEach((name, value) -> {
            if (name.startsWith("mark-") && MARKS.contains(value)) {
                String client = name.substring("mark-".length());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("clientId", client);
                entry.put("attendance", value);
                String late = form.get("late-" + client);
                if (value.equals("LATE") && late != null && !late.isBlank()) {
                    entry.put("lateMinutes", late.strip());
                }
                entries.add(entry);
            }
        });
        if (entries.isEmpty()) {
            flash.addFlashAttribute("notice", "Mark at least one client.");
        } else {
            ServiceApis.Answer answer = apis.post(
                    ServiceApis.SCHEDULING,
                    "/api/group-sessions/" + id + "/attendance",
                    Map.of("entries", entries),
                    session);
            flash.addFlashAttribute(
                    "notice", answer.ok() ? "Attendance saved for " + entries.size() + " clients." : answer.failure());
        }
        return "redirect:/groups?date=" + parse(date);
    }

    private Map<String, String> names(List<Map<String, Object>> groups, HttpSession session) {
        Map<String, String[]> calls = new LinkedHashMap<>();
        for (Map<String, Object> group : groups) {
            if (group.get("roster") instanceof List<?> roster) {
                for (Object seat : roster) {
                    String client = String.valueOf(((Map<?, ?>) seat).get("clientId"));
                    calls.put(client, new String[] {ServiceApis.INTAKE, "/api/clients/" + client});
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        apis.getAll(calls, session)
                .forEach((client, answer) -> names.put(
                        client,
                        answer.ok()
                                ? answer.object().get("firstName") + " "
                                        + answer.object().get("lastName")
                                : "Client " + client.substring(0, 8)));
        return names;
    }

    private LocalDate parse(@Nullable String date) {
        try {
            return date == null || date.isBlank() ? times.today() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return times.today();
        }
    }
}
