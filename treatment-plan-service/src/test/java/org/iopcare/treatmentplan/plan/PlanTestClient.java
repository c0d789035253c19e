package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.PlanUpdated;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import tools.jackson.databind.JsonNode;

/**
 * What ITs of other packages need from plans: a draft for a new client with {@code staff-test} on
 * the client's care team, versions, events.
 */
public class PlanTestClient {

    private final TestHttp http;

    public PlanTestClient(TestHttp http) {
        this.http = http;
    }

    public JsonNode enrolledClientPlan() {
        ClientEnrolled event = PlanIT.enrolled(UUID.randomUUID(), LocalDate.now(), "clin-ada");
        TestKafka.publish(event);
        TreatmentPlanIT.putTestStaffOnTheTeam(event.clientId(), "clin-ada");
        await().atMost(PlanVersionIT.PATIENCE)
                .untilAsserted(() -> assertThat(http.get("/api/clients/" + event.clientId() + "/plan", token())
                                .status())
                        .isEqualTo(200));
        return plan(event.clientId());
    }

    public JsonNode plan(UUID client) {
        return http.get("/api/clients/" + client + "/plan", token()).json();
    }

    public Response writeVersion(UUID planId, int basedOn, int phq9Below) {
        return http.postJson(
                "/api/plans/" + planId + "/versions", token(), PlanVersionIT.version(basedOn, "Plan", phq9Below));
    }

    public Response activate(UUID planId, int version) {
        return http.postJson("/api/plans/" + planId + "/activate", token(), PlanVersionIT.activation(version));
    }

    /** A {@code ClientEnrolled} for this client starting today, with this primary clinician. */
    public static ClientEnrolled enrolled(UUID client, String primaryClinician) {
        return PlanIT.enrolled(client, LocalDate.now(), primaryClinician);
    }

    /** The body of a valid version write based on {@code basedOn}. */
    public static String versionBody(int basedOn, String reason) {
        return PlanVersionIT.version(basedOn, reason, 10);
    }

    /** The body of a valid activation of {@code version}, acknowledged in person a minute ago. */
    public static String activationBody(int version) {
        return PlanVersionIT.activation(version);
    }

    public static List<PlanUpdated> awaitPlanUpdates(UUID planId, int count) {
        return PlanVersionIT.awaitPlanUpdates(planId, count);
    }

    private static String token() {
        return TestTokens.bearer(StaffRole.CLINICIAN);
    }
}
