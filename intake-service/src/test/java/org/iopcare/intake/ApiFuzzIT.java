package org.iopcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
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
 * Every operation in intake's API description gets bad input with a token holding every staff
 * role: no answer may be 5xx, every 4xx is a problem response, and a refused write leaves the
 * intake schema as it was (see {@link ApiFuzzer}).
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiFuzzIT extends IntakeIT {

    /** Every staff role, and the SMART scope of the FHIR read API so that its searches are reached. */
    static final String ALL_ROLES = TestTokens.smartBearerFor("staff-test", "user/*.read", StaffRole.values());

    // audit_log: a row is appended for refused requests too, by design. outbox_event: the relay
    // deletes rows once published, at any moment after an accepted write. processed_event:
    // consumer claims, written by the listeners, never by a request.
    static final Set<String> BOOKKEEPING = Set.of("audit_log", "outbox_event", "processed_event");

    static final String INQUIRY = """
            {"firstName":"Sam","lastName":"Rivera","email":"fuzz@example.org","phone":"+16175550100",
             "preferredChannel":"EMAIL","contactConsent":true,"helpWith":"sleep","referralSource":"THERAPIST"}
            """;
    static final String SCREENING = """
            {"ratings":{"withdrawal":1,"biomedical":0,"emotional":1,"readiness":1,"relapse":1,"environment":1},
             "phq9":[2,2,1,1,1,1,1,1,0],"gad7":[1,1,1,0,0,0,0],
             "currentCare":"NONE","recentRelapse":false,"coOccurringDisorders":false,
             "safety":{"suicidalIntent":false,"recentSuicideAttempt":false,"homicidalIdeation":false}}
            """;

    @Autowired
    DataSource dataSource;

    @Test
    void noBadInputIsAnsweredWithAServerErrorOrChangesTheDatabaseWhenRefused(CapturedOutput output) {
        UUID contacted = inquiry();
        UUID screening = screening(inquiry());
        UUID client = client(inquiry());

        FuzzReport report = ApiFuzzer.of("intake-service", port)
                .authorization(ALL_ROLES)
                .state(new SchemaState(dataSource, "intake", BOOKKEEPING))
                // Each request speaks for its own client address (the test client is a trusted proxy),
                // so the public form's per-address rate limit refuses no bad input unread.
                .eachRequest("X-Forwarded-For", n -> "10.77." + (n / 250) % 250 + "." + n % 250)
                .pathDefault("id", contacted.toString())
                .valid("POST /api/inquiries", ValidRequest.body(INQUIRY))
                .valid("PATCH /api/inquiries/{id}", ValidRequest.body("{\"note\":\"Left a voicemail\"}"))
                .valid(
                        "POST /api/inquiries/{id}/screenings",
                        ValidRequest.body(SCREENING).withPath("id", contacted.toString()))
                .valid("GET /api/screenings/{id}", ValidRequest.path("id", screening.toString()))
                .valid(
                        "POST /api/screenings/{id}/override",
                        ValidRequest.path("id", screening.toString())
                                .withBody("{\"level\":\"PHP\",\"reason\":\"Clinical judgement after interview\"}"))
                .valid(
                        "GET /api/clients",
                        new ValidRequest(Map.of(), Map.of("q", "Rivera", "track", "MH-IOP-AM"), null))
                .valid("GET /api/clients/{id}", ValidRequest.path("id", client.toString()))
                .valid(
                        "PATCH /api/clients/{id}",
                        ValidRequest.path("id", client.toString())
                                .withBody("{\"preferredName\":\"Sam\",\"timeZone\":\"America/Chicago\"}"))
                .valid(
                        "POST /api/clients/{id}/discharge",
                        ValidRequest.path("id", client.toString())
                                .withBody(
                                        "{\"reason\":\"STEPPED_DOWN\",\"effectiveDate\":\"2026-03-02\",\"note\":\"ok\"}"))
                .valid("POST /api/enrollments", ValidRequest.body(enrollment(inquiry())))
                .valid("GET /fhir/Patient/{id}", ValidRequest.path("id", client.toString()))
                .valid("GET /fhir/Consent", new ValidRequest(Map.of(), Map.of("patient", client.toString()), null))
                .valid(
                        "GET /fhir/Observation",
                        new ValidRequest(
                                Map.of(),
                                Map.of("patient", client.toString(), "code", "44261-6", "date", "ge2026-01-01"),
                                null))
                .serviceLog(output::getOut)
                .reportTo(Path.of("target", "fuzz", "intake-service.txt"))
                .run();

        System.out.println(report.summary());
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(10);
        report.assertNoViolations();
    }

    private UUID inquiry() {
        Response created = http.postJson("/api/inquiries", null, INQUIRY.replace("fuzz@", UUID.randomUUID() + "@"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        Response contacted = send("PATCH", "/api/inquiries/" + id, ALL_ROLES, "{\"status\":\"CONTACTED\"}");
        assertThat(contacted.status()).as(contacted.text()).isEqualTo(200);
        return id;
    }

    private UUID screening(UUID inquiry) {
        Response screened = http.postJson("/api/inquiries/" + inquiry + "/screenings", ALL_ROLES, SCREENING);
        assertThat(screened.status()).as(screened.text()).isEqualTo(201);
        return UUID.fromString(screened.json().get("id").asString());
    }

    private UUID client(UUID inquiry) {
        screening(inquiry);
        Response enrolled = http.postJson("/api/enrollments", ALL_ROLES, enrollment(inquiry));
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        return UUID.fromString(enrolled.json().get("id").asString());
    }

    private static String enrollment(UUID inquiry) {
        return """
                {"inquiryId":"%s","trackCode":"MH-IOP-AM","startDate":"%s","primaryClinicianId":"dr-okafor",
                 "ageGroup":"ADULT",
                 "client":{"firstName":"Sam","lastName":"Rivera","preferredName":"Sam","phone":"+16175550100",
                   "email":"sam.rivera@example.org","timeZone":"America/Chicago",
                   "smsConsent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "emailConsent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "part2Consent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"ELECTRONIC_FORM"}}}
                """.formatted(
                        inquiry, LocalDate.now(ZoneId.of("America/Chicago")).plusDays(1));
    }
}
