package org.iopcare.intake.careteam;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.audit.AuditedClients;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.web.Paging;
import org.iopcare.support.web.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A client's care team, and the emergency access ("break-glass") to a record outside one's caseload. */
@RestController
@Validated
class CareTeamController {

    private final CareTeams teams;
    private final Caseload caseload;
    private final AuditedClients audit;
    private final Clock clock;

    CareTeamController(CareTeams teams, Caseload caseload, AuditedClients audit, Clock clock) {
        this.teams = teams;
        this.caseload = caseload;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/clients/{id}/care-team")
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    CareTeamView get(@PathVariable UUID id) {
        caseload.require(id, IntakeAccess.CLIENT, "Client");
        return teams.view(id);
    }

    @PutMapping("/api/clients/{id}/care-team")
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','PROGRAM_ADMIN')")
    CareTeamView replace(@PathVariable UUID id, @Valid @RequestBody CareTeamRequest request, Principal staff) {
        caseload.require(id, IntakeAccess.ADMINISTRATIVE, "Client");
        return teams.replace(id, request, staff.getName());
    }

    @PostMapping("/api/clients/{id}/emergency-access")
    @PreAuthorize("hasRole('CLINICIAN')")
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyAccessView open(
            @PathVariable UUID id, @Valid @RequestBody EmergencyAccessRequest request, Principal staff) {
        EmergencyAccessView grant = teams.openEmergencyAccess(id, request.reason(), staff.getName());
        audit.disclosedInEmergency(id, grant.grantId());
        return grant;
    }

    /**
     * The break-glass grants opened in a period (UTC days, {@code from} inclusive, {@code to}
     * exclusive; the last 30 days by default), newest first, with their reasons: for the clinical
     * supervisors' and the privacy officer's review. The clients they name are recorded as disclosed.
     */
    @GetMapping("/api/emergency-access")
    @PreAuthorize("hasAnyRole('CLINICAL_SUPERVISOR','PRIVACY_OFFICER')")
    List<EmergencyAccessView> grants(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = to == null ? today.plusDays(1) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (!start.isBefore(end)) {
            throw ProblemException.unprocessable("bad-range", "to must follow from");
        }
        List<EmergencyAccessView> grants = teams.grants(
                start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant(),
                page,
                size);
        return caseload.disclose(grants, EmergencyAccessView::clientId, IntakeAccess.GRANT_REVIEW);
    }
}
