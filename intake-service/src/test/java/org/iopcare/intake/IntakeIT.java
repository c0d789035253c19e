package org.iopcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** intake-service on a free port, on the test JVM's real Kafka broker and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntakeIT {

    @LocalServerPort
    int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "intake");
        // the tracks scheduling would have published (db/tracks): enrollment accepts only known ones
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/tracks");
        // The test client is the trusted proxy, so a test can speak for many client addresses
        // through X-Forwarded-For; the limit is high enough for the rest of the suite's loopback posts.
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
        registry.add("iopcare.intake.rate-limit.requests", () -> "300");
        registry.add("iopcare.intake.rate-limit.per", () -> "1m");
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    private static final HttpClient RAW = HttpClient.newHttpClient();

    /** A request with extra headers (TestHttp sends only Authorization and Content-Type). */
    protected Response send(String method, String path, String authorization, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders copied = new HttpHeaders();
            response.headers().map().forEach(copied::addAll);
            return new Response(response.statusCode(), copied, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static final String COORDINATOR = TestTokens.bearerFor("staff-intake", StaffRole.INTAKE_COORDINATOR);
    protected static final String SUPERVISOR = TestTokens.bearerFor("staff-supervisor", StaffRole.CLINICAL_SUPERVISOR);

    /** A client taken through inquiry, screening and enrollment. */
    protected record Enrolled(UUID inquiry, UUID screening, UUID client) {}

    /** A screening without urgent answers. */
    protected static final String SCREENING_REQUEST = """
            {"ratings":{"withdrawal":1,"biomedical":0,"emotional":1,"readiness":1,"relapse":1,"environment":1},
             "phq9":[2,2,1,1,1,1,1,1,0],"gad7":[1,1,1,0,0,0,0],
             "currentCare":"NONE","recentRelapse":false,"coOccurringDisorders":false,
             "safety":{"suicidalIntent":false,"recentSuicideAttempt":false,"homicidalIdeation":false}}
            """;

    /** A new inquiry, contacted, whose inquirer's care team names {@code clinician}. */
    protected UUID contacted(String clinician) {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Sam","lastName":"Rivera","email":"s.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"THERAPIST"}
                """.formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID inquiry = UUID.fromString(created.json().get("id").asString());
        Response contacted = send("PATCH", "/api/inquiries/" + inquiry, COORDINATOR, "{\"status\":\"CONTACTED\"}");
        assertThat(contacted.status()).as(contacted.text()).isEqualTo(200);
        UUID client = UUID.fromString(contacted.json().get("clientId").asString());
        Response team = send(
                "PUT",
                "/api/clients/" + client + "/care-team",
                COORDINATOR,
                "{\"primaryClinicianId\":\"%s\",\"members\":[]}".formatted(clinician));
        assertThat(team.status()).as(team.text()).isEqualTo(200);
        return inquiry;
    }

    /** Records a screening of the inquiry as a clinical supervisor; returns its id. */
    protected UUID screen(UUID inquiry) {
        Response screening = http.postJson("/api/inquiries/" + inquiry + "/screenings", SUPERVISOR, SCREENING_REQUEST);
        assertThat(screening.status()).as(screening.text()).isEqualTo(201);
        return UUID.fromString(screening.json().get("id").asString());
    }

    /** A client enrolled with {@code clinician} as primary clinician. */
    protected Enrolled enrolled(String clinician) {
        UUID inquiry = contacted(clinician);
        UUID screening = screen(inquiry);
        Response created = http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, clinician));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Enrolled(
                inquiry, screening, UUID.fromString(created.json().get("id").asString()));
    }

    protected static String enrollment(UUID inquiry, String clinician) {
        return """
                {"inquiryId":"%s","trackCode":"MH-IOP-AM","startDate":"%s","primaryClinicianId":"%s",
                 "ageGroup":"ADULT",
                 "client":{"firstName":"Sam","lastName":"Rivera","preferredName":"Sam","phone":null,
                   "email":"sam.rivera@example.org","timeZone":"America/Chicago",
                   "smsConsent":{"given":false,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "emailConsent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "part2Consent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"ELECTRONIC_FORM"}}}
                """.formatted(inquiry, LocalDate.now(ZoneId.of("America/Chicago")), clinician);
    }
}
