package org.iopcare.intake.client;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.iopcare.intake.careteam.IntakeAccess;
import org.iopcare.intake.inquiry.Inquiries;
import org.iopcare.support.caseload.Caseload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Enrollment, clients, track transfer and discharge. */
@RestController
class ClientController {

    private static final String ENROLLING = "hasAnyRole('INTAKE_COORDINATOR','PROGRAM_ADMIN')";
    private static final String READERS =
            "hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";
    private static final String DISCHARGING =
            "hasAnyRole('INTAKE_COORDINATOR','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";

    private final Clients clients;
    private final Inquiries inquiries;
    private final Caseload caseload;

    ClientController(Clients clients, Inquiries inquiries, Caseload caseload) {
        this.clients = clients;
        this.inquiries = inquiries;
        this.caseload = caseload;
    }

    @PostMapping("/api/enrollments")
    @PreAuthorize(ENROLLING)
    ResponseEntity<ClientView> enroll(@Valid @RequestBody EnrollmentRequest request, Principal staff) {
        caseload.require(inquiries.get(request.inquiryId()).clientId(), IntakeAccess.ADMINISTRATIVE, "Inquiry");
        Enrollment enrollment = clients.enroll(request, staff.getName());
        return ResponseEntity.created(URI.create("/api/clients/" + enrollment.clientId()))
                .body(clients.view(enrollment.clientId()));
    }

    @GetMapping("/api/clients/{id}")
    @PreAuthorize(READERS)
    ClientView get(@PathVariable UUID id) {
        caseload.require(id, IntakeAccess.CLIENT, "Client");
        return clients.view(id);
    }

    @PatchMapping("/api/clients/{id}")
    @PreAuthorize(ENROLLING)
    ClientView change(@PathVariable UUID id, @Valid @RequestBody ClientChange change) {
        caseload.require(id, IntakeAccess.ADMINISTRATIVE, "Client");
        return clients.change(id, change);
    }

    /** Another track from a date on; scheduling moves the group sessions. */
    @PostMapping("/api/clients/{id}/transfer")
    @PreAuthorize(ENROLLING)
    ClientView transfer(@PathVariable UUID id, @Valid @RequestBody TransferRequest request) {
        caseload.require(id, IntakeAccess.ADMINISTRATIVE, "Client");
        return clients.transfer(id, request);
    }

    @PostMapping("/api/clients/{id}/discharge")
    @PreAuthorize(DISCHARGING)
    ClientView discharge(@PathVariable UUID id, @Valid @RequestBody DischargeRequest request, Principal staff) {
        caseload.require(id, IntakeAccess.DISCHARGE, "Client");
        return clients.discharge(id, request, staff.getName());
    }
}
