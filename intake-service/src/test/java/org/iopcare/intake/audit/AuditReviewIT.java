package org.iopcare.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.audit.AuditTrail;
import org.iopcare.support.audit.AuditUnavailable;
import org.iopcare.support.audit.AuditedClients;
import org.iopcare.support.audit.AuditedClients.AccessBasis;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The review of the service's audit trail: by client (the accounting of disclosures), by staff
 * member and by date, for the privacy officer and the clinical supervisor only; and the clients a
 * handler reports as disclosed, recorded with the request.
 */
class AuditReviewIT extends IntakeIT {

    static final String OFFICER = TestTokens.bearer(StaffRole.PRIVACY_OFFICER);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditedClients audited;

    private String inquiry() {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Kim","lastName":"Ortiz","email":"k.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"SELF"}
                """.formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String staff(String subject, String... roles) {
        return TestTokens.bearerWithRoleNames(subject, List.of(roles));
    }

    private JsonNode review(String query) {
        Response answer = http.get("/api/audit?" + query, OFFICER);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> paths(JsonNode page) {
        List<String> paths = new ArrayList<>();
        page.get("content")
                .forEach(e -> paths.add(
                        e.get("method").asString() + " " + e.get("pathIds").asString()));
        return paths;
    }

    /** Runs {@code work} as the handler of the recorded request {@code accessId}. */
    private <T> T inRequest(long accessId, Supplier<T> work) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(AuditTrail.RECORD, accessId);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return work.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void filtersByStaffMemberAndDateNewestFirst() {
        String subject = "reviewed-" + UUID.randomUUID().toString().substring(0, 8);
        String first = inquiry();
        String second = inquiry();
        http.get("/api/inquiries/" + first, staff(subject, "CLINICIAN"));
        http.get("/api/inquiries/" + second, staff(subject, "CLINICIAN"));
        http.get("/api/inquiries/" + second + "/history", staff(subject, "SCHEDULER"));

        JsonNode page = review("actor=" + subject);

        assertThat(paths(page)).containsExactly("GET id=" + second, "GET id=" + second, "GET id=" + first);
        JsonNode newest = page.get("content").get(0);
        assertThat(newest.get("actor").asString()).isEqualTo(subject);
        assertThat(newest.get("roles").toString()).isEqualTo("[\"ROLE_SCHEDULER\"]");
        assertThat(newest.get("action").asString()).isEqualTo("READ");
        assertThat(newest.get("pathPattern").asString()).isEqualTo("/api/inquiries/{id}/history");
        assertThat(newest.get("status").asInt()).isEqualTo(403);
        assertThat(newest.get("service").asString()).isEqualTo("intake-service");
        assertThat(newest.get("remoteAddress").asString()).isNotBlank();
        assertThat(newest.get("clientIds")).isEmpty();
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("content").get(2).get("status").asInt()).isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(paths(review("actor=" + subject + "&from=" + today + "&to=" + today.plusDays(1))))
                .hasSize(3);
        assertThat(paths(review("actor=" + subject + "&from=" + today.plusDays(1))))
                .isEmpty();
        assertThat(paths(review("actor=" + subject + "&to=" + today))).isEmpty();
        assertThat(paths(review("actor=" + subject + "&size=2&page=1"))).containsExactly("GET id=" + first);
    }

    @Test
    void byClientListsTheRequestsNamingItAndThoseThatDisclosedIt() {
        String subject = "disclosing-" + UUID.randomUUID().toString().substring(0, 8);
        UUID named = UUID.fromString(inquiry());
        UUID listed = UUID.randomUUID();
        UUID alsoListed = UUID.randomUUID();
        UUID emergency = UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        http.get("/api/inquiries/" + named, staff(subject, "CLINICIAN"));
        // a request that discloses no client itself, to which the test adds disclosures
        http.get("/api/staff", staff(subject, "CLINICIAN"));
        long listAccess = jdbc.queryForObject(
                "SELECT max(id) FROM audit_entry WHERE actor = ? AND path_pattern = '/api/staff'", Long.class, subject);
        inRequest(listAccess, () -> {
            audited.disclosed(List.of(listed, alsoListed, listed), AccessBasis.ROLE);
            audited.disclosedInEmergency(emergency, grant);
            return null;
        });

        JsonNode byPath = review("clientId=" + named);
        assertThat(paths(byPath)).containsExactly("GET id=" + named);
        assertThat(byPath.get("content").get(0).get("actor").asString()).isEqualTo(subject);

        JsonNode disclosed = review("clientId=" + listed).get("content");
        assertThat(disclosed).hasSize(1);
        JsonNode entry = disclosed.get(0);
        assertThat(entry.get("id").asLong()).isEqualTo(listAccess);
        assertThat(entry.get("pathPattern").asString()).isEqualTo("/api/staff");
        List<String> clients = new ArrayList<>();
        entry.get("clientIds").forEach(id -> clients.add(id.asString()));
        assertThat(clients).containsExactlyInAnyOrder(listed.toString(), alsoListed.toString(), emergency.toString());
        assertThat(entry.get("accessBasis").asString()).isEqualTo("EMERGENCY,ROLE");
        assertThat(entry.get("grantId").asString()).isEqualTo(grant.toString());
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(review("clientId=" + emergency)
                        .get("content")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(listAccess);
        assertThat(review("clientId=" + UUID.randomUUID()).get("content")).isEmpty();
    }

    @Test
    void clientsAreRecordedInEntriesOfAtMostTwoHundredAndOnlyWithinARecordedRequest() {
        String subject = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        http.get("/api/staff", staff(subject, "CLINICIAN"));
        long access = jdbc.queryForObject("SELECT max(id) FROM audit_entry WHERE actor = ?", Long.class, subject);
        List<UUID> many =
                IntStream.range(0, 450).mapToObj(i -> UUID.randomUUID()).toList();
        long before = jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class);

        audited.disclosed(many, AccessBasis.CARE_TEAM); // no request on this thread: nothing to add to
        inRequest(access, () -> {
            audited.disclosed(List.of(), AccessBasis.CARE_TEAM);
            audited.disclosed(many, AccessBasis.CARE_TEAM);
            return null;
        });

        assertThat(jdbc.queryForList(
                        "SELECT cardinality(client_ids) FROM audit_log WHERE record_id = ? AND kind = 'CLIENTS'"
                                + " ORDER BY id",
                        Integer.class,
                        access))
                .containsExactly(200, 200, 50);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class))
                .isEqualTo(before + 3);
        assertThat(jdbc.queryForObject(
                        "SELECT cardinality(client_ids) FROM audit_entry WHERE id = ?", Integer.class, access))
                .isEqualTo(450);
    }

    @Test
    void aDisclosureThatCannotBeRecordedFailsClosed() {
        long missing = jdbc.queryForObject("SELECT max(id) + 1000000 FROM audit_log", Long.class);

        assertThatThrownBy(() -> inRequest(missing, () -> {
                    audited.disclosed(List.of(UUID.randomUUID()), AccessBasis.CARE_TEAM);
                    return null;
                }))
                .isInstanceOf(AuditUnavailable.class);
    }

    @Test
    void readingTheTrailIsOnRecordToo() {
        String subject = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.get("/api/audit?size=1", staff(subject, "PRIVACY_OFFICER"))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/audit?size=1", staff(subject, "CLINICAL_SUPERVISOR"))
                        .status())
                .isEqualTo(200);

        assertThat(jdbc.queryForList(
                        "SELECT path_pattern || ' ' || status FROM audit_entry WHERE actor = ? ORDER BY id",
                        String.class,
                        subject))
                .containsExactly("/api/audit 200", "/api/audit 200");
    }

    @Test
    void otherRolesMayNotReadTheTrail() {
        for (StaffRole role : new StaffRole[] {
            StaffRole.CLINICIAN, StaffRole.SCHEDULER, StaffRole.INTAKE_COORDINATOR, StaffRole.PROGRAM_ADMIN
        }) {
            assertProblem(http.get("/api/audit", TestTokens.bearer(role)), 403);
        }
        assertProblem(http.get("/api/audit", null), 401);
    }

    @Test
    void badInputIsAProblem() {
        assertProblem(http.get("/api/audit?clientId=not-a-uuid", OFFICER), 400);
        assertProblem(http.get("/api/audit?from=2026-13-01", OFFICER), 400);
        assertProblem(http.get("/api/audit?from=9999-01-01", OFFICER), 400);
        assertProblem(http.get("/api/audit?size=201", OFFICER), 400);
        assertProblem(http.get("/api/audit?page=-1", OFFICER), 400);
        assertProblem(http.get("/api/audit?actor=" + "a".repeat(501), OFFICER), 400);
        assertProblem(http.get("/api/audit?from=2026-03-02&to=2026-03-01", OFFICER), 422);
    }
}
