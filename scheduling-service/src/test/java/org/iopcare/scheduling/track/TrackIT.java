package org.iopcare.scheduling.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class TrackIT extends SchedulingIT {

    @Autowired
    JdbcTemplate jdbc;

    static String track(String code, String days, String start, String end) {
        return """
                {"code": "%s", "name": "Test track", "timeZone": "America/Chicago", "meetingDays": [%s],
                 "localStart": "%s", "localEnd": "%s", "capacity": 8, "ageGroup": "ADULT",
                 "components": [{"kind": "GROUP_THERAPY", "minutes": 120}, {"kind": "EXPRESSIVE_THERAPY", "minutes": 60}]}
                """.formatted(code, days, start, end);
    }

    @Test
    void listsTheSeededTracksWithTheirWeeklyHours() {
        Response response = http.get("/api/tracks", TestTokens.bearer(StaffRole.CLINICIAN));

        assertThat(response.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json().forEach(t -> codes.add(t.get("code").asString()));
        assertThat(codes).contains("MH-IOP-AM", "MH-IOP-PM", "SUD-IOP-AM", "SUD-IOP-PM");
        JsonNode pm = http.get("/api/tracks/SUD-IOP-PM", TestTokens.bearer(StaffRole.SCHEDULER))
                .json();
        assertThat(pm.get("localStart").asString()).startsWith("18:00");
        assertThat(pm.get("weeklyHours").asDouble()).isEqualTo(9.0);
        assertThat(pm.get("meetingDays").toString()).contains("TUESDAY", "WEDNESDAY", "THURSDAY");
    }

    @Test
    void schedulersCreateAndReplaceTracksAndAdultTracksBelowTheMinimumAreRefused() {
        String admin = TestTokens.bearer(StaffRole.PROGRAM_ADMIN);
        String code = "T-" + System.nanoTime() % 100000;
        assertThat(http.postJson(
                                "/api/tracks",
                                TestTokens.bearer(StaffRole.CLINICIAN),
                                track(code, "\"MONDAY\"", "09:00", "12:00"))
                        .status())
                .isEqualTo(403);
        Response tooFew = http.postJson("/api/tracks", admin, track(code, "\"MONDAY\",\"TUESDAY\"", "09:00", "12:00"));
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.json().get("type").asString()).endsWith("below-iop-minimum");

        Response created = http.postJson(
                "/api/tracks", admin, track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\"", "09:00", "12:00"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("weeklyHours").asDouble()).isEqualTo(9.0);
        assertThat(http.postJson(
                                "/api/tracks",
                                admin,
                                track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\"", "09:00", "12:00"))
                        .status())
                .isEqualTo(409);

        Response replaced = http.exchange(
                HttpMethod.PUT,
                "/api/tracks/" + code,
                TestTokens.bearer(StaffRole.SCHEDULER),
                MediaType.APPLICATION_JSON,
                track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\",\"FRIDAY\"", "17:00", "20:00"));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().get("weeklyHours").asDouble()).isEqualTo(12.0);
        assertThat(http.get("/api/tracks/" + code, admin)
                        .json()
                        .get("localStart")
                        .asString())
                .startsWith("17:00");
        assertThat(jdbc.queryForList(
                        "SELECT action || ' ' || path_pattern || ' ' || status FROM audit_entry WHERE path_ids = ?",
                        String.class,
                        "code=" + code))
                .contains("UPDATE /api/tracks/{code} 200", "READ /api/tracks/{code} 200");
    }
}
