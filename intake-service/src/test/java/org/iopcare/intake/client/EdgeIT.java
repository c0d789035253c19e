package org.iopcare.intake.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input at intake's edges: always a 4xx problem, never a 500, and nothing stored. */
class EdgeIT extends IntakeIT {

    static final String COORDINATOR = TestTokens.bearer(StaffRole.INTAKE_COORDINATOR);
    static final String CLINICIAN = TestTokens.bearer(StaffRole.CLINICIAN);

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int serverPort;

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /** An inquiry taken to SCREENING with a screening that decided IOP; returns inquiry and screening. */
    private UUID[] screened() {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Sam","lastName":"Rivera","email":"s.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"THERAPIST"}
                """.formatted(UUID.randomUUID()));
        UUID id = UUID.fromString(created.json().get("id").asString());
        assertThat(send("PATCH", "/api/inquiries/" + id, COORDINATOR, "{\"status\":\"CONTACTED\"}")
                        .status())
                .isEqualTo(200);
        Response screening =
                http.postJson("/api/inquiries/" + id + "/screenings", CLINICIAN, ClientIT.screening(false));
        assertThat(screening.status()).as(screening.text()).isEqualTo(201);
        return new UUID[] {id, UUID.fromString(screening.json().get("id").asString())};
    }

    @Test
    void aNulInATextFieldIsA400ThatNamesTheFieldAndStoresNothing() {
        long inquiries = count("inquiry");
        Response form = http.postJson("/api/inquiries", null, """
                {"firstName":"Sam\\u0000","lastName":"Rivera","email":"s.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"SELF","helpWith":"a\\u0000b"}
                """.formatted(UUID.randomUUID()));
        assertProblem(form, 400);
        assertThat(form.json().get("detail").asString()).contains("firstName");
        assertThat(count("inquiry")).isEqualTo(inquiries);

        UUID inquiry = screened()[0];
        long clients = count("client");
        String enrollment = ClientIT.enrollment(inquiry, ClientIT.phone(), ClientIT.ZONE, ClientIT.today(), true)
                .replace("\"lastName\":\"Rivera\"", "\"lastName\":\"Riv\\u0000era\"");
        Response enrolled = http.postJson("/api/enrollments", COORDINATOR, enrollment);
        assertProblem(enrolled, 400);
        assertThat(enrolled.json().get("detail").asString()).contains("client.lastName");
        assertThat(count("client")).isEqualTo(clients);

        Response note = send("PATCH", "/api/inquiries/" + inquiry, COORDINATOR, "{\"note\":\"called\\u0000\"}");
        assertProblem(note, 400);
    }

    @Test
    void datesOutsideTheYears1900To2200AreA400() {
        UUID inquiry = screened()[0];
        long clients = count("client");
        String base = ClientIT.enrollment(inquiry, ClientIT.phone(), ClientIT.ZONE, ClientIT.today(), true);
        for (String body : List.of(
                base.replace("\"startDate\":\"" + ClientIT.today() + "\"", "\"startDate\":\"+6000000-01-01\""),
                base.replace("\"startDate\":\"" + ClientIT.today() + "\"", "\"startDate\":\"-4800-01-01\""),
                base.replace("2026-01-05T15:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"),
                base.replace("2026-01-05T15:00:00Z", "-1000000000-01-01T00:00:00Z"))) {
            Response response = http.postJson("/api/enrollments", COORDINATOR, body);
            assertProblem(response, 400);
            assertThat(response.text()).doesNotContain("6000000").doesNotContain("1000000000");
        }
        assertThat(count("client")).isEqualTo(clients);
    }

    @Test
    void aPageBeyondWhatAnOffsetCanHoldIsA400() {
        Response response = http.get("/api/inquiries?page=2147483647&size=200", COORDINATOR);
        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).endsWith("page");
    }

    @Test
    void aRoleWithoutAccessIsRefusedWithA403WhateverItsBodyHolds() {
        assertProblem(http.postJson("/api/enrollments", CLINICIAN, "{}"), 403);
        assertProblem(http.postJson("/api/enrollments", CLINICIAN, "{\"inquiryId\":\"x\u0000\"}"), 403);
        assertProblem(http.postJson("/api/enrollments", COORDINATOR, "{}"), 400);
    }

    @Test
    void requestTargetsTheContainerRefusesAreProblemsThatRepeatNothing() {
        for (String target : List.of(
                "/api/inquiries/a%2Fsam-rivera",
                "/api/inquiries/a%00sam-rivera",
                "/api/inquiries/a%5Csam-rivera",
                "/api/inquiries/a|sam-rivera",
                "/api/inquiries/a%ZZsam-rivera")) {
            String response = rawGet(target);
            assertThat(response).as(target).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase()).as(target).contains("content-type: application/problem+json");
            assertThat(response).as(target).doesNotContain("sam-rivera").doesNotContain("<html");
        }
        String query = rawGet("/api/inquiries?status=%ZZ");
        assertThat(query).startsWith("HTTP/1.1 400");
        assertThat(query.toLowerCase()).contains("content-type: application/problem+json");
    }

    @Test
    void twoEnrollmentsOfOneInquiryAtOnceGiveOneClientAndOneConflict() {
        UUID inquiry = screened()[0];
        String body = ClientIT.enrollment(inquiry, ClientIT.phone(), ClientIT.ZONE, ClientIT.today(), true);

        List<Integer> statuses = atOnce(
                2, () -> http.postJson("/api/enrollments", COORDINATOR, body).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM enrollment e JOIN inquiry i ON i.client_id = e.client_id WHERE i.id = ?",
                        Long.class,
                        inquiry))
                .isEqualTo(1);
    }

    @Test
    void overridesOfOneScreeningAtOnceAreEachASuccessOrAConflictNeverAFault() {
        UUID screening = screened()[1];
        String override = "{\"level\":\"PHP\",\"reason\":\"Lives alone, needs daily structure\"}";

        List<Integer> statuses = atOnce(
                4,
                () -> http.postJson("/api/screenings/" + screening + "/override", CLINICIAN, override)
                        .status());

        assertThat(statuses).isSubsetOf(200, 409).contains(200);
    }

    private static List<Integer> atOnce(int n, java.util.function.Supplier<Integer> request) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> running = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return request.get();
                }))
                .toList();
        start.countDown();
        return running.stream().map(CompletableFuture::join).toList();
    }

    /** A GET sent byte for byte, as no HTTP client library would send these targets. */
    private String rawGet(String target) {
        try (Socket socket = new Socket("localhost", serverPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + COORDINATOR
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
