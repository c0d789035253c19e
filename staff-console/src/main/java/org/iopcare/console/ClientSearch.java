package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding a client by name, phone or email, or listing a track's or a clinician's clients (intake's
 * search, filtered by the staff member's caseload there). The query goes to intake in the request
 * only: the console keeps no copy and logs none.
 */
@Controller
class ClientSearch {

    private final ServiceApis apis;

    ClientSearch(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/clients")
    String search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String track,
            @RequestParam(required = false) @Nullable String clinician,
            HttpSession session,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("track", track == null ? "" : track);
        model.addAttribute("clinician", clinician == null ? "" : clinician);
        model.addAttribute(
                "tracks",
                apis.get(ServiceApis.SCHEDULING, "/api/tracks", session).list());
        StringBuilder query = new StringBuilder();
        append(query, "q", q);
        append(query, "track", track);
        append(query, "clinician", clinician);
        if (query.length() == 0) {
            model.addAttribute("results", null);
            return "clients";
        }
        ServiceApis.Answer answer = apis.get(ServiceApis.INTAKE, "/api/clients?size=50" + query, session);
        model.addAttribute("results", answer.ok() ? answer.list() : List.of());
        model.addAttribute("failure", answer.ok() ? null : answer.failure());
        return "clients";
    }

    private static void append(StringBuilder query, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }
}
