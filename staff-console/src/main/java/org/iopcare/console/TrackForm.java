package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A track created or edited (scheduling's {@code POST /api/tracks}, {@code PUT /api/tracks/{code}}):
 * meeting days and times in a zone, seats, age group, modality and the meeting's components (up to
 * four rows of kind and minutes).
 */
@Controller
class TrackForm {

    static final List<String> DAYS =
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    static final List<String> KINDS =
            List.of("GROUP_THERAPY", "PSYCHOEDUCATION", "SUPPORT_GROUP", "EXPRESSIVE_THERAPY");
    static final int COMPONENT_ROWS = 4;

    private final ServiceApis apis;
    private final Times times;

    TrackForm(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/tracks/new")
    String newTrack(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("timeZone", times.zone().getId());
        form.put("localStart", "09:00");
        form.put("localEnd", "12:00");
        form.put("capacity", "12");
        form.put("ageGroup", "ADULT");
        form.put("modality", "IN_PERSON");
        form.put("day-MONDAY", "on");
        form.put("day-WEDNESDAY", "on");
        form.put("day-FRIDAY", "on");
        form.put("kind-0", "GROUP_THERAPY");
        form.put("minutes-0", "90");
        form.put("kind-1", "PSYCHOEDUCATION");
        form.put("minutes-1", "45");
        form.put("kind-2", "EXPRESSIVE_THERAPY");
        form.put("minutes-2", "45");
        return show(null, form, Map.of(), null, model);
    }

    @GetMapping("/tracks/{code}")
    String edit(@PathVariable String code, HttpSession session, Model model) {
        ServiceApis.Answer track = apis.get(ServiceApis.SCHEDULING, "/api/tracks/" + encode(code), session);
        if (!track.ok()) {
            model.addAttribute("failure", track.failure());
            return "not-available";
        }
        Map<String, Object> found = track.object();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", MyWork.text(found.get("name")));
        form.put("timeZone", MyWork.text(found.get("timeZone")));
        form.put("localStart", MyWork.text(found.get("localStart")));
        form.put("localEnd", MyWork.text(found.get("localEnd")));
        form.put("capacity", MyWork.text(found.get("capacity")));
        form.put("ageGroup", MyWork.text(found.get("ageGroup")));
        form.put("modality", MyWork.text(found.get("modality")));
        if (found.get("meetingDays") instanceof List<?> days) {
            days.forEach(day -> form.put("day-" + day, "on"));
        }
        if (found.get("components") instanceof List<?> components) {
            for (int i = 0; i < components.size() && i < COMPONENT_ROWS; i++) {
                Map<?, ?> component = (Map<?, ?>) components.get(i);
                form.put("kind-" + i, MyWork.text(component.get("kind")));
                form.put("minutes-" + i, MyWork.text(component.get("minutes")));
            }
        }
        return show(code, form, Map.of(), null, model);
    }

    @PostMapping("/tracks/new")
    String create(@RequestParam Map<String, String> form, HttpSession session, Model model, RedirectAttributes flash) {
        Map<String, Object> body = body(form);
        body.put("code", Inquiries.blankToNull(form.get("code")));
        return saved(apis.post(ServiceApis.SCHEDULING, "/api/tracks", body, session), null, form, model, flash);
    }

    @PostMapping("/tracks/{code}")
    String change(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            HttpSession session,
            Model model,
            RedirectAttributes flash) {
        Map<String, Object> body = body(form);
        body.put("code", code);
        return saved(
                apis.put(ServiceApis.SCHEDULING, "/api/tracks/" + encode(code), body, session),
                code,
                form,
                model,
                flash);
    }

    private String saved(
            ServiceApis.Answer answer,
            @Nullable String code,
            Map<String, String> form,
            Model model,
            RedirectAttributes flash) {
        if (answer.ok()) {
            flash.addFlashAttribute("notice", "Track " + answer.object().get("code") + " saved.");
            return "redirect:/tracks";
        }
        return show(code, form, answer.fieldErrors(), answer.failure(), model);
    }

    private static Map<String, Object> body(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Inquiries.blankToNull(form.get("name")));
        body.put("timeZone", Inquiries.blankToNull(form.get("timeZone")));
        List<String> days = new ArrayList<>();
        DAYS.forEach(day -> {
            if ("on".equals(form.get("day-" + day))) {
                days.add(day);
            }
        });
        body.put("meetingDays", days);
        body.put("localStart", Inquiries.blankToNull(form.get("localStart")));
        body.put("localEnd", Inquiries.blankToNull(form.get("localEnd")));
        body.put("capacity", Inquiries.blankToNull(form.get("capacity")));
        body.put("ageGroup", Inquiries.blankToNull(form.get("ageGroup")));
        body.put("modality", Inquiries.blankToNull(form.get("modality")));
        List<Map<String, Object>> components = new ArrayList<>();
        for (int i = 0; i < COMPONENT_ROWS; i++) {
            String kind = Inquiries.blankToNull(form.get("kind-" + i));
            String minutes = Inquiries.blankToNull(form.get("minutes-" + i));
            if (kind != null && minutes != null) {
                Map<String, Object> component = new LinkedHashMap<>();
                component.put("kind", kind);
                component.put("minutes", minutes);
                components.add(component);
            }
        }
        body.put("components", components);
        return body;
    }

    private String show(
            @Nullable String code,
            Map<String, String> form,
            Map<String, String> errors,
            @Nullable String failure,
            Model model) {
        model.addAttribute("code", code);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("days", DAYS);
        model.addAttribute("kinds", KINDS);
        model.addAttribute(
                "rows",
                java.util.stream.IntStream.range(0, COMPONENT_ROWS).boxed().toList());
        return "track";
    }

    private static String encode(String code) {
        return java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    }
}
