package org.iopcare.scheduling.fhir;

import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.REFERENCE;
import static org.iopcare.support.fhir.FhirCapabilities.param;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.HealthcareService;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.fhir.FhirCapabilities;
import org.iopcare.support.fhir.FhirCapabilities.Offered;
import org.iopcare.support.fhir.FhirReads;
import org.iopcare.support.fhir.FhirResponses;
import org.iopcare.support.fhir.FhirSearch;
import org.iopcare.support.fhir.FhirSearch.DateRange;
import org.iopcare.support.fhir.SearchParams;
import org.iopcare.support.fhir.SmartScopes;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * scheduling's FHIR R4 read API (docs/fhir.md): program tracks as HealthcareService, client
 * sessions as Appointment, attended sessions as Encounter. The same roles and caseload rules as
 * {@code GET /api/tracks} and {@code GET /api/clients/{id}/sessions}.
 */
@RestController
@RequestMapping("/fhir")
@Tag(name = "FHIR R4")
class SchedulingFhirController {

    /** The rule of a client's sessions ({@code GET /api/clients/{id}/sessions}). */
    static final Caseload.Rule SESSIONS =
            Caseload.clinicWide(StaffRole.SCHEDULER, StaffRole.CLINICAL_SUPERVISOR, StaffRole.PROGRAM_ADMIN);

    private static final String TRACK_READERS =
            "hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";
    private static final String SESSION_READERS =
            "hasAnyRole('SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";

    private final SchedulingResources resources;
    private final FhirReads reads;
    private final FhirResponses responses;

    SchedulingFhirController(JdbcTemplate jdbc, FhirReads reads, FhirResponses responses) {
        this.resources = new SchedulingResources(jdbc);
        this.reads = reads;
        this.responses = responses;
    }

    @GetMapping("/metadata")
    @Operation(summary = "The CapabilityStatement of scheduling's FHIR API")
    ResponseEntity<String> metadata() {
        List<FhirCapabilities.Param> byPatientAndDate =
                List.of(param("patient", REFERENCE, "Required"), param("date", DATE, "When the session starts"));
        return responses.resource(FhirCapabilities.of(
                "scheduling-service",
                List.of(
                        new Offered("HealthcareService", List.of()),
                        new Offered("Appointment", byPatientAndDate),
                        new Offered("Encounter", byPatientAndDate))));
    }

    @GetMapping("/HealthcareService/{id}")
    @PreAuthorize(TRACK_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> track(@PathVariable String id) {
        SmartScopes.requireType("HealthcareService");
        return resources.tracks().stream()
                .filter(t -> t.getIdPart().equals(id))
                .findFirst()
                .map(responses::resource)
                .orElseThrow(() -> ProblemException.notFound("HealthcareService"));
    }

    @GetMapping("/HealthcareService")
    @PreAuthorize(TRACK_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> tracks(
            @RequestParam(name = "_count", required = false) Integer count,
            @RequestParam(name = "_offset", required = false) Integer offset) {
        FhirSearch.Page page = FhirSearch.page(count, offset);
        SmartScopes.requireType("HealthcareService");
        List<HealthcareService> all = resources.tracks();
        return responses.searchset(
                all.stream().skip(page.offset()).limit(page.count()).toList(), all.size(), page);
    }

    @GetMapping("/Appointment/{id}")
    @PreAuthorize(SESSION_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> appointment(@PathVariable String id) {
        return reads.read("Appointment", session(id), SESSIONS, resources::appointments, id);
    }

    @GetMapping("/Appointment")
    @PreAuthorize(SESSION_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> appointments(@ParameterObject SearchParams params) {
        DateRange dates = FhirSearch.dates(params.date());
        return reads.search(
                "Appointment",
                params,
                SESSIONS,
                resources::knows,
                resources::appointments,
                a -> dates.contains(a.getStart().toInstant()));
    }

    @GetMapping("/Encounter/{id}")
    @PreAuthorize(SESSION_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> encounter(@PathVariable String id) {
        return reads.read("Encounter", session(id), SESSIONS, resources::encounters, id);
    }

    @GetMapping("/Encounter")
    @PreAuthorize(SESSION_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> encounters(@ParameterObject SearchParams params) {
        DateRange dates = FhirSearch.dates(params.date());
        return reads.search(
                "Encounter",
                params,
                SESSIONS,
                resources::knows,
                resources::encounters,
                e -> dates.contains(e.getPeriod().getStart().toInstant()));
    }

    /** The client of the session an id names, or null. */
    private UUID session(String id) {
        return FhirSearch.owner(FhirSearch.UUID_ID, id, resources::clientOfSession);
    }
}
