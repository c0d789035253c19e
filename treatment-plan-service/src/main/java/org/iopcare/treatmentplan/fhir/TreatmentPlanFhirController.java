package org.iopcare.treatmentplan.fhir;

import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.REFERENCE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN;
import static org.iopcare.support.fhir.FhirCapabilities.param;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.iopcare.support.fhir.FhirCapabilities;
import org.iopcare.support.fhir.FhirCapabilities.Offered;
import org.iopcare.support.fhir.FhirReads;
import org.iopcare.support.fhir.FhirResponses;
import org.iopcare.support.fhir.FhirSearch;
import org.iopcare.support.fhir.FhirSearch.DateRange;
import org.iopcare.support.fhir.IopFhir;
import org.iopcare.support.fhir.SearchParams;
import org.iopcare.treatmentplan.plan.PlanCaseload;
import org.jspecify.annotations.Nullable;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * treatment-plan's FHIR R4 read API (docs/fhir.md): CarePlans with their goals (each plan version
 * a {@code meta.versionId}, readable with {@code _history}), a Provenance per version, assessment
 * Observations. Clinical content: the roles and caseload rule of the plan endpoints.
 */
@RestController
@RequestMapping("/fhir")
@Tag(name = "FHIR R4")
class TreatmentPlanFhirController {

    static final String PHQ9_TOTAL = "44261-6";
    static final String GAD7_TOTAL = "70274-6";

    private static final String CLINICAL_STAFF = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')";
    private static final Pattern VERSION_ID = Pattern.compile(FhirSearch.UUID_GROUP + "-[0-9]{1,9}");

    private final TreatmentPlanResources resources;
    private final FhirReads reads;
    private final FhirResponses responses;

    TreatmentPlanFhirController(JdbcTemplate jdbc, JsonMapper json, FhirReads reads, FhirResponses responses) {
        this.resources = new TreatmentPlanResources(jdbc, json);
        this.reads = reads;
        this.responses = responses;
    }

    @GetMapping("/metadata")
    @Operation(summary = "The CapabilityStatement of treatment-plan's FHIR API")
    ResponseEntity<String> metadata() {
        return responses.resource(FhirCapabilities.of(
                "treatment-plan-service",
                List.of(
                        new Offered(
                                "CarePlan",
                                List.of(
                                        param("patient", REFERENCE, "Required"),
                                        param("date", DATE, "Overlaps the plan's period")),
                                true),
                        new Offered("Provenance", List.of(param("patient", REFERENCE, "Required"))),
                        new Offered(
                                "Observation",
                                List.of(
                                        param("patient", REFERENCE, "Required"),
                                        param("code", TOKEN, "LOINC 44261-6 (PHQ-9) or 70274-6 (GAD-7)"),
                                        param("date", DATE, "When administered"))))));
    }

    @GetMapping("/CarePlan/{id}")
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    ResponseEntity<String> carePlan(@PathVariable String id) {
        return reads.read(
                "CarePlan",
                FhirSearch.owner(FhirSearch.UUID_ID, id, resources::clientOfPlan),
                PlanCaseload.CLINICAL,
                resources::carePlans,
                id);
    }

    @GetMapping("/CarePlan/{id}/_history/{version}")
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    @Operation(summary = "One version of a CarePlan (vread)")
    ResponseEntity<String> carePlanVersion(@PathVariable String id, @PathVariable String version) {
        return reads.read(
                "CarePlan",
                FhirSearch.owner(FhirSearch.UUID_ID, id, resources::clientOfPlan),
                PlanCaseload.CLINICAL,
                client -> resources.carePlanVersions(client).stream()
                        .filter(p -> p.getMeta().getVersionId().equals(version))
                        .toList(),
                id);
    }

    @GetMapping("/CarePlan")
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    ResponseEntity<String> carePlans(@ParameterObject SearchParams params) {
        DateRange dates = FhirSearch.dates(params.date());
        return reads.search(
                "CarePlan",
                params,
                PlanCaseload.CLINICAL,
                resources::knows,
                resources::carePlans,
                p -> dates.overlaps(
                        IopFhir.instant(p.getPeriod().getStart()),
                        IopFhir.instant(p.getPeriod().getEnd())));
    }

    @GetMapping("/Provenance/{id}")
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    ResponseEntity<String> provenance(@PathVariable String id) {
        return reads.read(
                "Provenance",
                FhirSearch.owner(VERSION_ID, id, resources::clientOfPlan),
                PlanCaseload.CLINICAL,
                resources::provenances,
                id);
    }

    @GetMapping("/Provenance")
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    ResponseEntity<String> provenances(@ParameterObject SearchParams params) {
        return reads.search(
                "Provenance", params, PlanCaseload.CLINICAL, resources::knows, resources::provenances, p -> true);
    }

    @GetMapping("/Observation/{id}")
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    ResponseEntity<String> observation(@PathVariable String id) {
        return reads.read(
                "Observation",
                FhirSearch.owner(FhirSearch.UUID_ID, id, resources::clientOfAssessment),
                PlanCaseload.CLINICAL,
                resources::assessments,
                id);
    }

    @GetMapping("/Observation")
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    ResponseEntity<String> observations(
            @RequestParam(required = false) @Nullable String code, @ParameterObject SearchParams params) {
        return reads.search(
                "Observation",
                params,
                PlanCaseload.CLINICAL,
                resources::knows,
                resources::assessments,
                FhirSearch.observations(code, params.date()));
    }
}
