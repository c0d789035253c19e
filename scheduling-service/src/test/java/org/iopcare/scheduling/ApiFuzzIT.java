package org.iopcare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.fuzz.ApiFuzzer;
import org.iopcare.testsupport.fuzz.FuzzReport;
import org.iopcare.testsupport.fuzz.SchemaState;
import org.iopcare.testsupport.fuzz.ValidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every operation in scheduling's API description gets bad input with a token holding every staff
 * role: no answer may be 5xx, every 4xx is a problem response, and a refused write leaves the
 * scheduling schema as it was (see {@link ApiFuzzer}).
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiFuzzIT extends SchedulingIT {

    /** Every staff role, and the SMART scope of the FHIR read API so that its searches are reached. */
    static final String ALL_ROLES = TestTokens.smartBearerFor("staff-test", "user/*.read", StaffRole.values());

    // audit_log: a row is appended for refused requests too, by design. outbox_event: the relay
    // deletes rows once published, at any moment after an accepted write. processed_event:
    // consumer claims, written by the listeners, never by a request.
    static final Set<String> BOOKKEEPING = Set.of("audit_log", "outbox_event", "processed_event");

    @Autowired
    DataSource dataSource;

    @Test
    void noBadInputIsAnsweredWithAServerErrorOrChangesTheDatabaseWhenRefused(CapturedOutput output) {
        // The fuzz replaces and books on a track of its own: the seeded tracks are other tests' fixtures.
        String code = "FZ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response created = http.postJson("/api/tracks", ALL_ROLES, track(code));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        FuzzReport report = ApiFuzzer.of("scheduling-service", port)
                .authorization(ALL_ROLES)
                .state(new SchemaState(dataSource, "scheduling", BOOKKEEPING))
                .pathDefault("code", code)
                .valid("POST /api/tracks", ValidRequest.body(track("FZ-NEW")))
                .valid("PUT /api/tracks/{code}", ValidRequest.path("code", code).withBody(track(code)))
                .valid("GET /api/group-sessions", ValidRequest.body(null).withQuery("date", "2026-03-02"))
                .serviceLog(output::getOut)
                .reportTo(Path.of("target", "fuzz", "scheduling-service.txt"))
                .run();

        System.out.println(report.summary());
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(10);
        report.assertNoViolations();
    }

    private static String track(String code) {
        return """
                {"code":"%s","name":"Fuzz track","timeZone":"America/Chicago","meetingDays":["MONDAY","WEDNESDAY","FRIDAY"],
                 "localStart":"09:00","localEnd":"12:00","capacity":8,"ageGroup":"ADULT",
                 "components":[{"kind":"GROUP_THERAPY","minutes":120},{"kind":"EXPRESSIVE_THERAPY","minutes":60}]}
                """.formatted(code);
    }
}
