package org.iopcare.intake.client;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Enrollment, clients and discharge. */
@RestController
class ClientController {

    private static final String ENROLLING = "hasAnyRole('INTAKE_COORDINATOR','PROGRAM_ADMIN')";
    private static final String CARE_TEAM =
            "hasAnyRole('INTAKE_COORDINATOR','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";

    private final Clients clients;

    ClientController(Clients clients) {
        this.clients = clients;
    }

    @PostMapping("/api/enrollments")
    @PreAuthorize(ENROLLING)
    ResponseEntity<ClientView> enroll(@Valid @RequestBody EnrollmentRequest request, Principal staff) {
        Enrollment enrollment = clients.enroll(request, staff.getName());
        return ResponseEntity.created(URI.create("/api/clients/" + enrollment.clientId()))
                .body(clients.view(enrollment.clientId()));
    }

    @GetMapping("/api/clients/{id}")
    @PreAuthorize(CARE_TEAM)
    ClientView get(@PathVariable UUID id) {
        return clients.view(id);
    }

    @PatchMapping("/api/clients/{id}")
    @PreAuthorize(ENROLLING)
    ClientView change(@PathVariable UUID id, @Valid @RequestBody ClientChange change) {
        return clients.change(id, change);
    }

    @PostMapping("/api/clients/{id}/discharge")
    @PreAuthorize(CARE_TEAM)
    ClientView discharge(@PathVariable UUID id, @Valid @RequestBody DischargeRequest request, Principal staff) {
        return clients.discharge(id, request, staff.getName());
    }
}
