package org.iopcare.scheduling.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input to scheduling: a 4xx problem that repeats nothing, and nothing stored. */
class TrackInputIT extends SchedulingIT {

    static final String ADMIN = TestTokens.bearer(StaffRole.PROGRAM_ADMIN);

    @Autowired
    JdbcTemplate jdbc;

    private long tracks() {
        return jdbc.queryForObject("SELECT count(*) FROM program_track", Long.class);
    }

    @Test
    void aNulInATrackNameIsA400AndNoTrackIsStored() {
        String code = "N-" + System.nanoTime() % 100000;
        long before = tracks();

        Response response = http.postJson(
                "/api/tracks",
                ADMIN,
                TrackIT.track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\"", "09:00", "12:00")
                        .replace("\"Test track\"", "\"Test\\u0000track\""));

        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("name");
        assertThat(tracks()).isEqualTo(before);
        assertProblem(http.get("/api/tracks/" + code, ADMIN), 404);
    }

    @Test
    void aTrackCodeThatDoesNotExistIsNotRepeatedInTheProblem() {
        Response response = http.get("/api/tracks/NO-SUCH-TRACK-sam-rivera", ADMIN);

        assertProblem(response, 404);
        assertThat(response.text()).doesNotContain("sam-rivera").doesNotContain("NO-SUCH");
    }

    @Test
    void datesOutsideTheYears1900To2200InQueryParametersAreA400() {
        for (String query : new String[] {
            "/api/group-sessions?date=%2B6000000-01-01",
            "/api/group-sessions?date=-4800-01-01",
            "/api/clients/3f2c1d9e-6d1b-4c55-9d1e-6a3a1c2b4e5f/sessions?from=%2B6000000-01-01",
            "/api/clients/3f2c1d9e-6d1b-4c55-9d1e-6a3a1c2b4e5f/attendance-summary?to=-4800-01-01"
        }) {
            Response response = http.getVerbatim(query, ADMIN);
            assertProblem(response, 400);
            assertThat(response.text()).as(query).doesNotContain("6000000").doesNotContain("4800");
        }
    }
}
