package org.iopcare.intake.screening;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.iopcare.intake.careteam.IntakeAccess;
import org.iopcare.intake.inquiry.Inquiries;
import org.iopcare.support.caseload.Caseload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Screenings and level-of-care decisions; clinical staff only. */
@RestController
class ScreeningController {

    private static final String CLINICAL = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')";
    private static final String READERS = "hasAnyRole('INTAKE_COORDINATOR','CLINICIAN','CLINICAL_SUPERVISOR')";

    private final Screenings screenings;
    private final Inquiries inquiries;
    private final Caseload caseload;

    ScreeningController(Screenings screenings, Inquiries inquiries, Caseload caseload) {
        this.screenings = screenings;
        this.inquiries = inquiries;
        this.caseload = caseload;
    }

    @PostMapping("/api/inquiries/{id}/screenings")
    @PreAuthorize(CLINICAL)
    ResponseEntity<ScreeningView> record(
            @PathVariable UUID id, @Valid @RequestBody ScreeningRequest request, Principal staff) {
        caseload.require(inquiries.get(id).clientId(), IntakeAccess.SCREENING, "Inquiry");
        Screening screening = screenings.record(id, request, staff.getName());
        return ResponseEntity.created(URI.create("/api/screenings/" + screening.id()))
                .body(ScreeningView.of(screening));
    }

    @GetMapping("/api/screenings/{id}")
    @PreAuthorize(READERS)
    ScreeningView get(@PathVariable UUID id, Authentication caller) {
        Screening screening = screenings.get(id);
        caseload.require(screening.clientId(), IntakeAccess.SCREENING_READ, "Screening");
        ScreeningView view = ScreeningView.of(screening);
        boolean clinical = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals("ROLE_CLINICIAN") || role.equals("ROLE_CLINICAL_SUPERVISOR"));
        return clinical ? view : view.resultsOnly();
    }

    @PostMapping("/api/screenings/{id}/override")
    @PreAuthorize(CLINICAL)
    ScreeningView override(@PathVariable UUID id, @Valid @RequestBody LevelOverride override, Principal staff) {
        caseload.require(screenings.get(id).clientId(), IntakeAccess.SCREENING, "Screening");
        return ScreeningView.of(screenings.override(id, override, staff.getName()));
    }
}
