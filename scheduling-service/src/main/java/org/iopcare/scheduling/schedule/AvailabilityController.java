package org.iopcare.scheduling.schedule;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Clinicians' weekly hours and time off: no client data, so no caseload question. */
@RestController
class AvailabilityController {

    private final ClinicianAvailability availability;

    AvailabilityController(ClinicianAvailability availability) {
        this.availability = availability;
    }

    @GetMapping("/api/clinicians/{id}/availability")
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    ClinicianAvailability.View get(@PathVariable String id) {
        return availability.view(id);
    }

    @PutMapping("/api/clinicians/{id}/availability")
    @PreAuthorize("hasAnyRole('SCHEDULER','PROGRAM_ADMIN')")
    ClinicianAvailability.Saved replace(
            @PathVariable String id, @Valid @RequestBody ClinicianAvailability.Request request) {
        return availability.replace(id, request);
    }
}
