package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The program's tracks (scheduling's {@code GET /api/tracks}) and a closure declared for a day range,
 * for one track or the whole clinic ({@code POST /api/closures}); the page says how many client
 * sessions the closure cancelled.
 */
@Controller
class Tracks {

    private final ServiceApis apis;
    private final Times times;

    Tracks(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/tracks")
    String tracks(HttpSession session, Model model) {
        ServiceApis.Answer tracks = apis.get(ServiceApis.SCHEDULING, "/api/tracks", session);
        model.addAttribute("tracks", tracks.list());
        model.addAttribute("failure", tracks.ok() ? null : tracks.failure());
        if (!model.containsAttribute("closure")) {
            model.addAttribute(
                    "closure", Map.of("firstDay", times.today().plusDays(1).toString()));
        }
        return "tracks";
    }

    @PostMapping("/closures")
    String close(
            @RequestParam(required = false) @Nullable String firstDay,
            @RequestParam(required = false) @Nullable String lastDay,
            @RequestParam(required = false) @Nullable String trackCode,
            HttpSession session,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstDay", Inquiries.blankToNull(firstDay));
        body.put("lastDay", Inquiries.blankToNull(lastDay) == null ? Inquiries.blankToNull(firstDay) : lastDay);
        body.put("trackCode", Inquiries.blankToNull(trackCode));
        ServiceApis.Answer answer = apis.post(ServiceApis.SCHEDULING, "/api/closures", body, session);
        flash.addFlashAttribute(
                "notice",
                answer.ok()
                        ? "Closure declared: " + answer.object().get("cancelledSessions")
                                + " client sessions cancelled; the clients are told."
                        : answer.failure());
        return "redirect:/tracks";
    }
}
