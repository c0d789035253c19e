package org.iopcare.bench;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes clients through the services' public APIs as the clinic's staff would: an inquiry, contacted,
 * a screening by the clinician, enrollment on one of the seeded tracks (morning or evening).
 */
final class ClientLoader {

    private final Http http;
    private final String intake;
    private final Phones phones = new Phones();

    ClientLoader(Http http, String intake) {
        this.http = http;
        this.intake = intake;
    }

    /**
     * Enrolls the {@code n}th client of a run on a track starting {@code start}, with {@code
     * clinicianId} as primary clinician; returns the client's id.
     */
    String enroll(String run, int n, LocalDate start, String dana, String clinician, String clinicianId, ZoneId zone)
            throws IOException, InterruptedException {
        return enroll(run, n, n % 4 < 2 ? "MH-IOP-AM" : "MH-IOP-PM", start, dana, clinician, clinicianId, zone);
    }

    /** The same on a given track. */
    String enroll(
            String run,
            int n,
            String trackCode,
            LocalDate start,
            String dana,
            String clinician,
            String clinicianId,
            ZoneId zone)
            throws IOException, InterruptedException {
        String phone = phones.number(n);
        String inquiry = inquiry(run, n, phone, dana);
        screen(inquiry, clinician);
        Map<String, Object> consent = Map.of(
                "given", true, "recordedAt", Instant.now().minusSeconds(5).toString(), "source", "WRITTEN_FORM");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("firstName", "Bench");
        client.put("lastName", "Client" + run + n);
        client.put("phone", phone);
        client.put("timeZone", zone.getId());
        client.put("smsConsent", consent);
        client.put(
                "emailConsent",
                Map.of(
                        "given",
                        false,
                        "recordedAt",
                        Instant.now().minusSeconds(5).toString(),
                        "source",
                        "WRITTEN_FORM"));
        client.put("part2Consent", consent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inquiryId", inquiry);
        body.put("client", client);
        body.put("trackCode", trackCode);
        body.put("startDate", start.toString());
        body.put("primaryClinicianId", clinicianId);
        body.put("ageGroup", "ADULT");
        return http.send("POST", intake + "/api/enrollments", dana, body, 201)
                .get("id")
                .asString();
    }

    /** An inquiry taken by staff and moved to CONTACTED; returns its id. */
    String inquiry(String run, int n, String dana) throws IOException, InterruptedException {
        return inquiry(run, n, phones.number(n), dana);
    }

    private String inquiry(String run, int n, String phone, String dana) throws IOException, InterruptedException {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", "Bench");
        form.put("lastName", "Client" + run + n);
        form.put("phone", phone);
        form.put("preferredChannel", "SMS");
        form.put("contactConsent", true);
        form.put("referralSource", "SELF");
        String id = http.send("POST", intake + "/api/inquiries", dana, form, 201)
                .get("id")
                .asString();
        http.send("PATCH", intake + "/api/inquiries/" + id, dana, Map.of("status", "CONTACTED"), 200);
        return id;
    }

    /** A screening that recommends IOP, by the clinician whose token is given. */
    void screen(String inquiry, String clinician) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "ratings",
                Map.of(
                        "withdrawal",
                        0,
                        "biomedical",
                        0,
                        "emotional",
                        2,
                        "readiness",
                        1,
                        "relapse",
                        1,
                        "environment",
                        1));
        body.put("phq9", List.of(2, 2, 2, 2, 1, 1, 1, 1, 0));
        body.put("gad7", List.of(1, 1, 1, 1, 1, 1, 1));
        body.put("currentCare", "OUTPATIENT");
        body.put("recentRelapse", false);
        body.put("coOccurringDisorders", false);
        body.put("safety", Map.of("suicidalIntent", false, "recentSuicideAttempt", false, "homicidalIdeation", false));
        http.send("POST", intake + "/api/inquiries/" + inquiry + "/screenings", clinician, body, 201);
    }

    /** The next weekday on which the seeded tracks meet (Monday, Wednesday, Friday). */
    static LocalDate nextMeetingDay(ZoneId zone) {
        LocalDate day = LocalDate.now(zone).plusDays(1);
        while (!List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY).contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day;
    }
}
