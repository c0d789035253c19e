package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * Enrollment (intake's {@code POST /api/enrollments}): track, start date, primary clinician, consents
 * and time zone. Before confirming, the page shows the client's first sessions as the chosen track
 * meets (scheduling's track, from the start date on); "Preview" and "Enroll" are two buttons of the
 * one form.
 */
@Controller
class EnrollmentForm {

    static final List<String> CONSENT_SOURCES =
            List.of("WRITTEN_FORM", "ELECTRONIC_FORM", "VERBAL_RECORDED", "CLIENT_PORTAL");

    private final ServiceApis apis;
    private final Times times;

    EnrollmentForm(ServiceApis apis, Times times) {
        this.apis = apis;
        this.times = times;
    }

    @GetMapping("/inquiries/{id}/enrollment")
    String form(@PathVariable UUID id, HttpSession session, Model model) {
        ServiceApis.Answer inquiry = apis.get(ServiceApis.INTAKE, "/api/inquiries/" + id, session);
        if (!inquiry.ok()) {
            model.addAttribute("failure", inquiry.failure());
            return "not-available";
        }
        Map<String, Object> found = inquiry.object();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("firstName", MyWork.text(found.get("firstName")));
        form.put("lastName", MyWork.text(found.get("lastName")));
        form.put("phone", MyWork.text(found.get("phone")));
        form.put("email", MyWork.text(found.get("email")));
        form.put("timeZone", times.zone().getId());
        form.put("startDate", times.today().plusDays(1).toString());
        form.put("ageGroup", "ADULT");
        form.put("consentSource", "VERBAL_RECORDED");
        return show(id, form, Map.of(), null, session, model);
    }

    @PostMapping("/inquiries/{id}/enrollment")
    String enroll(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "enroll") String step,
            HttpSession session,
            Model model) {
        if (step.equals("preview")) {
            return show(id, form, Map.of(), null, session, model);
        }
        // a second back: a consent recorded "now" must not be in the future of the service's clock
        Instant now = Instant.now().minusSeconds(1);
        String source = form.getOrDefault("consentSource", "VERBAL_RECORDED");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("firstName", Inquiries.blankToNull(form.get("firstName")));
        client.put("lastName", Inquiries.blankToNull(form.get("lastName")));
        client.put("preferredName", Inquiries.blankToNull(form.get("preferredName")));
        client.put("phone", Inquiries.blankToNull(form.get("phone")));
        client.put("email", Inquiries.blankToNull(form.get("email")));
        client.put("timeZone", Inquiries.blankToNull(form.get("timeZone")));
        client.put("smsConsent", consent("on".equals(form.get("smsConsent")), now, source));
        client.put("emailConsent", consent("on".equals(form.get("emailConsent")), now, source));
        client.put("part2Consent", consent("on".equals(form.get("part2Consent")), now, source));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inquiryId", id);
        body.put("client", client);
        body.put("trackCode", Inquiries.blankToNull(form.get("trackCode")));
        body.put("startDate", Inquiries.blankToNull(form.get("startDate")));
        body.put("primaryClinicianId", Inquiries.blankToNull(form.get("primaryClinicianId")));
        body.put("ageGroup", Inquiries.blankToNull(form.get("ageGroup")));
        ServiceApis.Answer answer = apis.post(ServiceApis.INTAKE, "/api/enrollments", body, session);
        if (answer.ok()) {
            return "redirect:/clients/" + answer.object().get("id") + "?enrolled";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        // the service names client fields "client.phone"; the form names them "phone"
        answer.fieldErrors().forEach((field, message) -> errors.put(field.replaceFirst("^client\\.", ""), message));
        return show(id, form, errors, answer.failure(), session, model);
    }

    private String show(
            UUID inquiryId,
            Map<String, String> form,
            Map<String, String> errors,
            @Nullable String failure,
            HttpSession session,
            Model model) {
        ServiceApis.Answer tracks = apis.get(ServiceApis.SCHEDULING, "/api/tracks", session);
        ServiceApis.Answer staff = apis.get(ServiceApis.INTAKE, "/api/staff", session);
        List<Map<String, Object>> clinicians = staff.list().stream()
                .filter(member -> member.get("roles") instanceof List<?> roles && roles.contains("CLINICIAN"))
                .toList();
        // a retired track takes no new enrollment (intake refuses it): only the active ones are offered
        List<Map<String, Object>> open = tracks.list().stream()
                .filter(t -> !"RETIRED".equals(t.get("status")))
                .toList();
        Map<String, Object> track = open.stream()
                .filter(t -> String.valueOf(t.get("code")).equals(form.get("trackCode")))
                .findFirst()
                .orElse(null);
        model.addAttribute("inquiryId", inquiryId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("tracks", open);
        model.addAttribute("clinicians", clinicians);
        model.addAttribute("consentSources", CONSENT_SOURCES);
        model.addAttribute("firstSessions", track == null ? List.of() : firstSessions(track, form.get("startDate")));
        return "enrollment";
    }

    /**
     * The first six meetings of the track from the start date on, as scheduling will book them
     * (closures, which scheduling also applies, are not known here: the chart shows the booked ones).
     */
    static List<String> firstSessions(Map<String, Object> track, @Nullable String startDate) {
        List<String> sessions = new ArrayList<>();
        try {
            LocalDate day = LocalDate.parse(startDate);
            List<DayOfWeek> days = ((List<?>) track.get("meetingDays"))
                    .stream().map(d -> DayOfWeek.valueOf(d.toString())).toList();
            LocalTime start = LocalTime.parse(track.get("localStart").toString());
            LocalTime end = LocalTime.parse(track.get("localEnd").toString());
            ZoneId zone = ZoneId.of(track.get("timeZone").toString());
            for (int i = 0; i < 60 && sessions.size() < 6 && !days.isEmpty(); i++, day = day.plusDays(1)) {
                if (days.contains(day.getDayOfWeek())) {
                    sessions.add(day.getDayOfWeek().toString().charAt(0)
                            + day.getDayOfWeek().toString().substring(1, 3).toLowerCase()
                            + " " + day + ", " + start + "–" + end + " "
                            + zone.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US));
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException | ClassCastException e) {
            return List.of();
        }
        return sessions;
    }

    private static Map<String, Object> consent(boolean given, Instant at, String source) {
        return Map.of("given", given, "recordedAt", at.toString(), "source", source);
    }
}
