package org.iopcare.intake.screening;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Screenings and level-of-care decisions; clinical staff only. */
@RestController
class ScreeningController {

    private static final String CLINICAL = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";

    private final Screenings screenings;

    ScreeningController(Screenings screenings) {
        this.screenings = screenings;
    }

    @PostMapping("/api/inquiries/{id}/screenings")
    @PreAuthorize(CLINICAL)
    ResponseEntity<ScreeningView> record(
            @PathVariable UUID id, @Valid @RequestBody ScreeningRequest request, Principal staff) {
        Screening screening = screenings.record(id, request, staff.getName());
        return ResponseEntity.created(URI.create("/api/screenings/" + screening.id()))
                .body(ScreeningView.of(screening));
    }

    @GetMapping("/api/screenings/{id}")
    @PreAuthorize(CLINICAL)
    ScreeningView get(@PathVariable UUID id) {
        return ScreeningView.of(screenings.get(id));
    }

    @PostMapping("/api/screenings/{id}/override")
    @PreAuthorize(CLINICAL)
    ScreeningView override(@PathVariable UUID id, @Valid @RequestBody LevelOverride override, Principal staff) {
        return ScreeningView.of(screenings.override(id, override, staff.getName()));
    }
}
