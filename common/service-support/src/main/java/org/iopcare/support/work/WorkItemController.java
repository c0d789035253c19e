package org.iopcare.support.work;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.Paging;
import org.iopcare.support.web.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's work items: the list, one item with its history, and the staff transitions. Every
 * service serves its own; a staff console merges them. The privacy officer has no worklist: work
 * items are record content.
 */
@RestController
@Validated
@RequestMapping("/api/work-items")
@PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
class WorkItemController {

    private final WorkItems items;
    private final WorkItemAccess access;

    WorkItemController(WorkItems items, WorkItemAccess access) {
        this.items = items;
        this.access = access;
    }

    /** Urgent first, then by due time. {@code owner}: {@code me}, a role's queue, or a staff id. */
    @GetMapping
    Page<WorkItemView> list(
            @RequestParam(required = false) @Size(min = 1, max = 200) String owner,
            @RequestParam(required = false) WorkItemState state,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) UUID clientId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return access.list(new WorkItemAccess.Filter(owner, state, priority, clientId), page, size);
    }

    @GetMapping("/{id}")
    WorkItemView get(@PathVariable UUID id) {
        return access.get(id);
    }

    /** Takes the item: it becomes the caller's, acknowledged. */
    @PostMapping("/{id}/claim")
    WorkItemView claim(@PathVariable UUID id) {
        return access.disclosed(items.claim(access.visibleItem(id), WorkItemAccess.subject()));
    }

    /** The owner has seen it; an urgent item stops escalating. */
    @PostMapping("/{id}/acknowledge")
    WorkItemView acknowledge(@PathVariable UUID id) {
        return access.disclosed(items.acknowledge(access.visibleItem(id), WorkItemAccess.subject()));
    }

    @PostMapping("/{id}/reassign")
    WorkItemView reassign(@PathVariable UUID id, @Valid @RequestBody Reassignment request) {
        if ((request.staffId() == null) == (request.queue() == null)) {
            throw ProblemException.unprocessable("one-owner", "Name either staffId or queue");
        }
        if (request.queue() == StaffRole.PRIVACY_OFFICER) {
            throw ProblemException.unprocessable("not-a-work-queue", "The privacy officer has no work queue");
        }
        Owner to = request.staffId() != null ? Owner.staff(request.staffId()) : Owner.queue(request.queue());
        return access.disclosed(items.reassign(access.visibleItem(id), WorkItemAccess.subject(), to));
    }

    @PostMapping("/{id}/complete")
    WorkItemView complete(@PathVariable UUID id, @Valid @RequestBody Outcome request) {
        return access.disclosed(
                items.complete(access.visibleItem(id), WorkItemAccess.subject(), request.outcome(), note(request)));
    }

    @PostMapping("/{id}/cancel")
    WorkItemView cancel(@PathVariable UUID id, @Valid @RequestBody Outcome request) {
        return access.disclosed(
                items.cancel(access.visibleItem(id), WorkItemAccess.subject(), request.outcome(), note(request)));
    }

    private static String note(Outcome request) {
        return request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
    }

    /** To one staff member ({@code staffId}) or a role's queue ({@code queue}), not both. */
    record Reassignment(
            @Size(min = 1, max = 200) @Pattern(regexp = "\\S+")
            String staffId,

            StaffRole queue) {}

    /** An outcome code ({@code CONTACTED}, {@code NO_LONGER_NEEDED}) and an optional short note. */
    record Outcome(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}")
            String outcome,

            @Size(max = 500) String note) {}
}
