package org.iopcare.intake.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The staff console's client search: by name, phone, email, track and clinician, within the
 * caller's caseload, audited without its search text. Every client here has a last name and phone
 * number of its own, so what other suites enroll never shows up in these answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientSearchIT extends IntakeIT {

    static final String TRACK = "MH-IOP-AM";

    @Autowired
    JdbcTemplate jdbc;

    /** A client as enrolled here: what the search should answer about them. */
    record Person(UUID id, String first, String last, String preferred, String phone, String email, String clinician) {}

    @Test
    void findsAClientByLastNamePrefixFullNameAndPreferredName() {
        String last = surname();
        Person ada = enroll("Ada", last, "Addie", TRACK, clinician());

        for (String q : List.of(
                last.substring(0, last.length() - 2),
                last.toUpperCase(),
                "ada " + last,
                "  Ada   " + last.substring(0, 6) + " ",
                "Addie " + last,
                "addie")) {
            assertThat(ids(search(SUPERVISOR, "q", q))).as(q).contains(ada.id().toString());
        }
        assertThat(ids(search(SUPERVISOR, "q", last + "x"))).isEmpty();
        assertThat(ids(search(SUPERVISOR, "q", "Bea " + last))).isEmpty();

        JsonNode found = search(SUPERVISOR, "q", last).json();
        assertThat(found.at("/page/totalElements").asLong()).isEqualTo(1);
        JsonNode result = found.get("content").get(0);
        assertThat(result.get("id").asString()).isEqualTo(ada.id().toString());
        assertThat(result.get("firstName").asString()).isEqualTo("Ada");
        assertThat(result.get("lastName").asString()).isEqualTo(last);
        assertThat(result.get("preferredName").asString()).isEqualTo("Addie");
        assertThat(result.get("phone").asString()).isEqualTo(ada.phone());
        assertThat(result.get("email").asString()).isEqualTo(ada.email());
        assertThat(result.get("status").asString()).isEqualTo("ENROLLED");
        assertThat(result.get("trackCode").asString()).isEqualTo(TRACK);
        assertThat(result.get("primaryClinicianId").asString()).isEqualTo(ada.clinician());
    }

    @Test
    void findsAClientByPhoneInAnyFormattingAndByEmailCaseInsensitively() {
        Person ada = enroll("Ada", surname(), null, TRACK, clinician());
        String national = ada.phone().substring(2); // +1 and ten digits
        String area = national.substring(0, 3);
        String exchange = national.substring(3, 6);
        String line = national.substring(6);

        for (String q : List.of(
                ada.phone(),
                national,
                "(" + area + ") " + exchange + "-" + line,
                area + "." + exchange + "." + line,
                "+1 " + area + " " + exchange + " " + line,
                "001 " + area + "/" + exchange + "/" + line)) {
            assertThat(ids(search(COORDINATOR, "q", q)))
                    .as(q)
                    .containsExactly(ada.id().toString());
        }
        assertThat(ids(search(COORDINATOR, "q", "+44 " + national))).isEmpty();

        String email = ada.email();
        String local = email.substring(0, email.indexOf('@'));
        for (String q : List.of(email, email.toUpperCase(), local + "@", local + "@EXAMPLE")) {
            assertThat(ids(search(COORDINATOR, "q", q)))
                    .as(q)
                    .containsExactly(ada.id().toString());
        }
        // LIKE's wildcards are searched as written
        assertThat(ids(search(COORDINATOR, "q", local.replace('.', '_') + "@"))).isEmpty();
        assertThat(ids(search(COORDINATOR, "q", "%@example.org"))).isEmpty();
    }

    @Test
    void filtersByTrackAndClinicianAloneOrWithTheSearchText() {
        String track = "T-" + letters(10).toUpperCase();
        // a track as scheduling would have published it
        jdbc.update(
                "INSERT INTO known_track (code, name, status, changed_at) VALUES (?, 'Search track', 'ACTIVE', now())",
                track);
        String clinician = clinician();
        String last = surname();
        Person onTrack = enroll("Ada", last, null, track, clinician);
        Person elsewhere = enroll("Ada", last, null, TRACK, clinician);

        JsonNode byTrack = search(SUPERVISOR, "track", track.toLowerCase()).json();
        assertThat(ids(byTrack)).containsExactly(onTrack.id().toString());
        assertThat(byTrack.at("/page/totalElements").asLong()).isEqualTo(1);

        assertThat(ids(search(SUPERVISOR, "q", last, "track", TRACK)))
                .containsExactly(elsewhere.id().toString());
        assertThat(ids(search(SUPERVISOR, "clinician", clinician)))
                .containsExactlyInAnyOrder(
                        onTrack.id().toString(), elsewhere.id().toString());
        assertThat(ids(search(SUPERVISOR, "clinician", clinician, "track", track)))
                .containsExactly(onTrack.id().toString());
    }

    @Test
    void aClinicianFindsOnlyTheirCaseloadWithFullPagesAndTrueCounts() {
        String own = clinician();
        String other = clinician();
        String last = surname();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(enroll("Ada", last, null, TRACK, own).id().toString());
        }
        Person theirs = enroll("Ada", last, null, TRACK, other);
        String token = TestTokens.bearerFor(own, StaffRole.CLINICIAN);

        JsonNode first = search(token, "q", last, "size", "2").json();
        JsonNode second = search(token, "q", last, "size", "2", "page", "1").json();
        assertThat(first.at("/page/totalElements").asLong()).isEqualTo(3);
        assertThat(first.at("/page/totalPages").asLong()).isEqualTo(2);
        assertThat(ids(first)).hasSize(2);
        List<String> listed = new ArrayList<>(ids(first));
        listed.addAll(ids(second));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(mine);

        // not even by exact name, phone, email or their clinician's id
        for (String[] criteria : List.of(
                new String[] {"q", "Ada " + last},
                new String[] {"q", theirs.phone()},
                new String[] {"q", theirs.email()},
                new String[] {"clinician", other})) {
            JsonNode page = search(token, criteria).json();
            assertThat(ids(page)).as(criteria[1]).doesNotContain(theirs.id().toString());
        }
        assertThat(search(token, "clinician", other)
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .isZero();
        assertThat(ids(search(COORDINATOR, "q", last)))
                .hasSize(4)
                .contains(theirs.id().toString());
        assertThat(ids(search(TestTokens.bearer(StaffRole.SCHEDULER), "q", last)))
                .hasSize(4);

        // a covering clinician's emergency grant opens the client to them, and only that one
        String covering = clinician();
        Response grant = http.postJson(
                "/api/clients/" + theirs.id() + "/emergency-access",
                TestTokens.bearerFor(covering, StaffRole.CLINICIAN),
                "{\"reason\":\"Client called in crisis; the primary clinician is away\"}");
        assertThat(grant.status()).as(grant.text()).isEqualTo(201);
        assertThat(ids(search(TestTokens.bearerFor(covering, StaffRole.CLINICIAN), "q", last)))
                .containsExactly(theirs.id().toString());
    }

    @Test
    void aRoleThatMayNotReadClientsIsRefused() {
        assertProblem(search(TestTokens.bearer(StaffRole.PRIVACY_OFFICER), "q", "Rivera"), 403);
        assertProblem(search(null, "q", "Rivera"), 401);
    }

    @Test
    void theSearchIsAuditedWithTheClientsItReturnedAndNeverItsText(CapturedOutput output) {
        String last = surname();
        Person ada = enroll("Ada", last, null, TRACK, clinician());
        String requestId = "search-" + UUID.randomUUID();

        Response found = send(
                "GET",
                "/api/clients?q=" + encode("Ada " + last) + "&clinician=" + encode(ada.clinician()),
                SUPERVISOR,
                null,
                "X-Request-Id",
                requestId);

        assertThat(found.status()).as(found.text()).isEqualTo(200);
        Map<String, Object> entry = jdbc.queryForMap("SELECT * FROM audit_entry WHERE request_id = ?", requestId);
        assertThat(entry.get("action")).isEqualTo("READ");
        assertThat(entry.get("path_pattern")).isEqualTo("/api/clients");
        assertThat(entry.get("path_ids")).isEqualTo("");
        assertThat(entry.get("status")).isEqualTo(200);
        assertThat(entry.get("access_basis")).isEqualTo("ROLE");
        assertThat(jdbc.queryForList(
                        "SELECT u::text FROM audit_entry, unnest(client_ids) u WHERE request_id = ?",
                        String.class,
                        requestId))
                .containsExactly(ada.id().toString());
        List<String> rows = jdbc.queryForList(
                "SELECT lower(row_to_json(a)::text) FROM audit_log a WHERE a.id = ? OR a.record_id = ?",
                String.class,
                entry.get("id"),
                entry.get("id"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", rows))
                .doesNotContain(last.toLowerCase())
                .doesNotContain(ada.clinician().toLowerCase());
        assertThat(output.getAll()).doesNotContain(last).doesNotContain(last.toLowerCase());
    }

    @Test
    void badInputIsA400ProblemThatRepeatsNothing(CapturedOutput output) {
        String secret = surname();
        List<String[]> bad = List.of(
                new String[] {},
                new String[] {"page", "0"},
                new String[] {"q", ""},
                new String[] {"q", "a"},
                new String[] {"q", "  a  "},
                new String[] {"q", secret + "x".repeat(200)},
                new String[] {"q", secret + "\u0001"},
                new String[] {"q", secret + "\u0000"},
                new String[] {"q", secret + "\t"},
                new String[] {"q", "(61) 7"},
                new String[] {"q", "012"},
                new String[] {"q", secret, "size", "0"},
                new String[] {"q", secret, "size", "-1"},
                new String[] {"q", secret, "size", "101"},
                new String[] {"q", secret, "size", "100000"},
                new String[] {"q", secret, "size", "99999999999999999999"},
                new String[] {"q", secret, "size", "twenty"},
                new String[] {"q", secret, "page", "-1"},
                new String[] {"q", secret, "page", "2147483647"},
                new String[] {"q", secret, "page", "1.5"},
                new String[] {"track", "MH IOP"},
                new String[] {"track", "'; DROP TABLE client; --"},
                new String[] {"track", "x".repeat(41)},
                new String[] {"clinician", "dr okafor"},
                new String[] {"clinician", "c".repeat(201)});
        for (String[] criteria : bad) {
            Response response = search(COORDINATOR, criteria);
            assertProblem(response, 400);
            assertThat(response.text()).as(String.join("=", criteria)).doesNotContain(secret);
        }
        assertThat(output.getAll()).doesNotContain(secret);

        // odd but harmless text is searched as written
        for (String q : List.of("%%", "__", "O'Brien", "\\\\", "a\"b", "Ünal", "李小龍", "--", "()")) {
            Response response = search(COORDINATOR, "q", q);
            assertThat(response.status()).as(q + ": " + response.text()).isEqualTo(200);
        }
        Response largest = search(COORDINATOR, "q", "Rivera", "size", "100");
        assertThat(largest.status()).isEqualTo(200);
        assertThat(largest.json().at("/page/size").asInt()).isEqualTo(100);
    }

    private Response search(String token, String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(i == 0 ? "?" : "&").append(params[i]).append('=').append(encode(params[i + 1]));
        }
        return send("GET", "/api/clients" + query, token, null);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return ids(response.json());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A last name no other client of the test run has. */
    private static String surname() {
        return "Quill" + letters(12);
    }

    private static String clinician() {
        return "clin-" + letters(10);
    }

    private static String letters(int n) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < n; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    /** A client enrolled through inquiry and screening, with a phone number of their own. */
    private Person enroll(String first, String last, String preferred, String track, String clinician) {
        UUID inquiry = contacted(clinician);
        screen(inquiry);
        // 415-2xx-xxxx: a valid number no other suite uses
        String phone =
                "+14152" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String email = first.toLowerCase() + "." + last.toLowerCase() + "@example.org";
        Response created = http.postJson("/api/enrollments", COORDINATOR, """
                {"inquiryId":"%s","trackCode":"%s","startDate":"%s","primaryClinicianId":"%s",
                 "ageGroup":"ADULT",
                 "client":{"firstName":"%s","lastName":"%s","preferredName":%s,"phone":"%s",
                   "email":"%s","timeZone":"America/Chicago",
                   "smsConsent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "emailConsent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "part2Consent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"ELECTRONIC_FORM"}}}
                """.formatted(
                        inquiry,
                        track,
                        LocalDate.now(ZoneId.of("America/Chicago")),
                        clinician,
                        first,
                        last,
                        preferred == null ? "null" : "\"" + preferred + "\"",
                        phone,
                        email));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Person(
                UUID.fromString(created.json().get("id").asString()), first, last, preferred, phone, email, clinician);
    }
}
