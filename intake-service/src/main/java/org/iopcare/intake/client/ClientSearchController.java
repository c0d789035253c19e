package org.iopcare.intake.client;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.iopcare.intake.careteam.IntakeAccess;
import org.iopcare.intake.careteam.StaffIds;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.web.Paging;
import org.iopcare.support.web.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff console's client search. The roles and caseload are those of {@code GET
 * /api/clients/{id}}: a clinician finds only the clients on their care teams (or open to them by an
 * emergency grant), and every client on the page is recorded in the request's audit record. The
 * audit record holds the endpoint, never the query string, which is health information.
 */
@RestController
@Validated
class ClientSearchController {

    static final int MAX_SIZE = 100;

    private static final String READERS =
            "hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";

    private final ClientSearch search;
    private final Caseload caseload;

    ClientSearchController(ClientSearch search, Caseload caseload) {
        this.search = search;
        this.caseload = caseload;
    }

    /**
     * Clients matching every given criterion (at least one of {@code q}, {@code track}, {@code
     * clinician}), by last then first name.
     *
     * @param q a name or its start ("riv", "sam riv"), a phone number in any format or its last
     *     digits, or an email or its start
     * @param track the track code of the client's open or latest enrollment
     * @param clinician the staff id of the client's primary clinician
     */
    @GetMapping("/api/clients")
    @PreAuthorize(READERS)
    Page<ClientSummary> search(
            @RequestParam(required = false)
                    @Size(max = SearchText.MAX_LENGTH)
                    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters")
                    String q,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,39}") String track,
            @RequestParam(required = false) @Pattern(regexp = StaffIds.PATTERN) String clinician,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        if (q == null && track == null && clinician == null) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "search-criteria-required",
                    "Search criteria required",
                    "Give at least one of q, track and clinician");
        }
        SearchText text = q == null ? null : SearchText.of(q);
        Page<ClientSummary> found = search.find(
                text,
                track == null ? null : track.toUpperCase(Locale.ROOT),
                clinician,
                caseload.visibility(IntakeAccess.CLIENT),
                page,
                size);
        caseload.disclose(found.getContent(), ClientSummary::id, IntakeAccess.CLIENT);
        return found;
    }
}
