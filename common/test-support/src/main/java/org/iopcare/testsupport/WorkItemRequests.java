package org.iopcare.testsupport;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.AccessMatrix.Caller;
import org.iopcare.testsupport.TestHttp.Response;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /api/work-items} rows of every service's access matrix, which all serve the same
 * work items from service-support. Each client asked about has one HIGH item in each of the
 * intake, scheduler and administrator queues; a caller of one of those roles asks about the item
 * in their own queue, everyone else about the intake queue's item, which a clinician sees only for
 * a client of their care team. Writes act on a fresh item of the same kind, and a refused write
 * must leave it as it was.
 */
public final class WorkItemRequests {

    /** The rows, as each service's table names them. */
    public static final List<String> ROWS = List.of(
            "GET /api/work-items",
            "GET /api/work-items/{id}",
            "POST /api/work-items/{id}/claim",
            "POST /api/work-items/{id}/acknowledge",
            "POST /api/work-items/{id}/reassign",
            "POST /api/work-items/{id}/complete",
            "POST /api/work-items/{id}/cancel");

    private static final List<StaffRole> QUEUES =
            List.of(StaffRole.INTAKE_COORDINATOR, StaffRole.SCHEDULER, StaffRole.PROGRAM_ADMIN);
    // long overdue: the fixtures come first among HIGH items, whatever else the suite's database holds
    private static final Instant DUE = Instant.parse("2000-01-01T00:00:00Z");
    private static final Map<String, String> BODIES = Map.of(
            "reassign", "{\"queue\":\"CLINICAL_SUPERVISOR\"}",
            "complete", "{\"outcome\":\"CONTACTED\",\"note\":\"Called back\"}",
            "cancel", "{\"outcome\":\"NO_LONGER_NEEDED\"}");

    /** What one request sent, and the check that a refused one changed nothing. */
    public record Sent(Response response, Runnable unchanged) {}

    private final TestHttp http;
    private final WorkItems items;
    private final JdbcTemplate jdbc;

    public WorkItemRequests(TestHttp http, WorkItems items, JdbcTemplate jdbc) {
        this.http = http;
        this.items = items;
        this.jdbc = jdbc;
    }

    /** Sends the row's request as the caller about the client. */
    public Sent send(String row, Caller caller, String token, UUID client) {
        StaffRole queue = queueOf(caller);
        if (row.equals("GET /api/work-items")) {
            return new Sent(http.get("/api/work-items?priority=HIGH&size=200", token), () -> {});
        }
        if (row.equals("GET /api/work-items/{id}")) {
            UUID id = raise(client, queue, "matrix:" + client + ":" + queue);
            return new Sent(http.get("/api/work-items/" + id, token), () -> {});
        }
        String action = row.substring(row.lastIndexOf('/') + 1);
        UUID id = raise(client, queue, "matrix:" + UUID.randomUUID());
        String before = row(id);
        return new Sent(
                http.postJson("/api/work-items/" + id + "/" + action, token, BODIES.getOrDefault(action, "")), () -> {
                    if (!before.equals(row(id))) {
                        throw new AssertionError(row + " was refused but changed the work item");
                    }
                });
    }

    /**
     * Asks the row as the caller about {@code own} (or {@code other} for the other client's
     * clinician) and checks the cell: the status, a problem and nothing changed for a refusal, and
     * for a list whose clients it holds.
     */
    public void check(AccessMatrix.Row row, Caller caller, String token, UUID own, UUID other) {
        queueItems(own, other);
        AccessMatrix.Expected expected = row.expected().get(caller);
        Sent sent = send(row.key(), caller, token, caller == Caller.CLINICIAN_OTHER ? other : own);
        Response response = sent.response();
        if (expected.status() >= 400) {
            TestHttp.assertProblem(response, expected.status());
            sent.unchanged().run();
            return;
        }
        if (response.status() != expected.status()) {
            throw new AssertionError(row.key() + " answered " + response.status() + ": " + response.text());
        }
        String view = expected.view().orElse("");
        Set<String> clients = listed(response.json());
        boolean ok = switch (view) {
            case "all" -> clients.containsAll(List.of(own.toString(), other.toString()));
            case "own" -> clients.contains(own.toString()) && !clients.contains(other.toString());
            case "" -> true;
            default -> throw new AssertionError("view '" + view + "' of " + row.key() + " is unknown");
        };
        if (!ok) {
            throw new AssertionError(row.key() + " as " + caller + " listed " + clients + ", not the view " + view);
        }
    }

    /** Gives each client its item in each queue, for the list and the reads. */
    public void queueItems(UUID... clients) {
        for (UUID client : clients) {
            QUEUES.forEach(queue -> raise(client, queue, "matrix:" + client + ":" + queue));
        }
    }

    /** The clients of a list's page. */
    public static Set<String> listed(JsonNode page) {
        Set<String> clients = new LinkedHashSet<>();
        page.path("content").forEach(item -> clients.add(item.get("clientId").asString()));
        return clients;
    }

    private UUID raise(UUID client, StaffRole queue, String key) {
        return items.raise(new NewWorkItem(client, "MATRIX", Priority.HIGH, "MATRIX", Owner.queue(queue), DUE, key))
                .id();
    }

    private String row(UUID id) {
        return jdbc.queryForObject("SELECT row_to_json(w)::text FROM work_item w WHERE id = ?", String.class, id);
    }

    private static StaffRole queueOf(Caller caller) {
        StaffRole role = StaffRole.valueOf(caller.role());
        return QUEUES.contains(role) ? role : StaffRole.INTAKE_COORDINATOR;
    }
}
