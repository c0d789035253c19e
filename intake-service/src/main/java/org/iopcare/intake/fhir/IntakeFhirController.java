package org.iopcare.intake.fhir;

import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.REFERENCE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN;
import static org.iopcare.support.fhir.FhirCapabilities.param;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.iopcare.intake.careteam.IntakeAccess;
import org.iopcare.support.fhir.FhirCapabilities;
import org.iopcare.support.fhir.FhirCapabilities.Offered;
import org.iopcare.support.fhir.FhirReads;
import org.iopcare.support.fhir.FhirResponses;
import org.iopcare.support.fhir.FhirSearch;
import org.iopcare.support.fhir.FhirSearch.DateRange;
import org.iopcare.support.fhir.IopFhir;
import org.iopcare.support.fhir.SearchParams;
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
 * intake's FHIR R4 read API (docs/fhir.md): Patient, EpisodeOfCare, screening Observations and
 * QuestionnaireResponses, Consents. The same roles and caseload rules as the REST API; a token's
 * SMART scopes narrow them further.
 */
@RestController
@RequestMapping("/fhir")
@Tag(name = "FHIR R4")
class IntakeFhirController {

    private static final String CLIENT_READERS =
            "hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";
    private static final String RESULT_READERS = "hasAnyRole('INTAKE_COORDINATOR','CLINICIAN','CLINICAL_SUPERVISOR')";
    private static final String ANSWER_READERS = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')";
    private static final Pattern INSTRUMENT_ID = Pattern.compile(FhirSearch.UUID_GROUP + "-(phq9|gad7)");
    private static final Pattern CONSENT_ID = Pattern.compile(FhirSearch.UUID_GROUP + "-(sms|email|part2)");

    private final IntakeResources resources;
    private final FhirReads reads;
    private final FhirResponses responses;

    IntakeFhirController(JdbcTemplate jdbc, FhirReads reads, FhirResponses responses) {
        this.resources = new IntakeResources(jdbc);
        this.reads = reads;
        this.responses = responses;
    }

    @GetMapping("/metadata")
    @Operation(summary = "The CapabilityStatement of intake's FHIR API")
    ResponseEntity<String> metadata() {
        return responses.resource(FhirCapabilities.of(
                "intake-service",
                List.of(
                        new Offered("Patient", List.of()),
                        new Offered(
                                "EpisodeOfCare",
                                List.of(
                                        param("patient", REFERENCE, "Required"),
                                        param("date", DATE, "Overlaps the episode's period"))),
                        new Offered(
                                "Observation",
                                List.of(
                                        param("patient", REFERENCE, "Required"),
                                        param("code", TOKEN, "LOINC 44261-6 (PHQ-9) or 70274-6 (GAD-7)"),
                                        param("date", DATE, "When screened"))),
                        new Offered(
                                "QuestionnaireResponse",
                                List.of(param("patient", REFERENCE, "Required"), param("date", DATE, "When authored"))),
                        new Offered("Consent", List.of(param("patient", REFERENCE, "Required"))))));
    }

    @GetMapping("/Patient/{id}")
    @PreAuthorize(CLIENT_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> patient(@PathVariable String id) {
        return reads.read(
                "Patient",
                FhirSearch.owner(FhirSearch.UUID_ID, id, resources::clientOfPatient),
                IntakeAccess.CLIENT,
                client -> List.of(resources.patient(client)),
                id);
    }

    @GetMapping("/EpisodeOfCare/{id}")
    @PreAuthorize(CLIENT_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> episode(@PathVariable String id) {
        return reads.read(
                "EpisodeOfCare",
                FhirSearch.owner(FhirSearch.UUID_ID, id, resources::clientOfInquiry),
                IntakeAccess.CLIENT,
                resources::episodes,
                id);
    }

    @GetMapping("/EpisodeOfCare")
    @PreAuthorize(CLIENT_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> episodes(@ParameterObject SearchParams params) {
        DateRange dates = FhirSearch.dates(params.date());
        return reads.search(
                "EpisodeOfCare",
                params,
                IntakeAccess.CLIENT,
                resources::knows,
                resources::episodes,
                e -> dates.overlaps(
                        IopFhir.instant(e.getPeriod().getStart()),
                        IopFhir.instant(e.getPeriod().getEnd())));
    }

    @GetMapping("/Observation/{id}")
    @PreAuthorize(RESULT_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> observation(@PathVariable String id) {
        return reads.read(
                "Observation",
                FhirSearch.owner(INSTRUMENT_ID, id, resources::clientOfScreening),
                IntakeAccess.SCREENING_READ,
                resources::observations,
                id);
    }

    @GetMapping("/Observation")
    @PreAuthorize(RESULT_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> observations(
            @RequestParam(required = false) String code, @ParameterObject SearchParams params) {
        return reads.search(
                "Observation",
                params,
                IntakeAccess.SCREENING_READ,
                resources::knows,
                resources::observations,
                FhirSearch.observations(code, params.date()));
    }

    @GetMapping("/QuestionnaireResponse/{id}")
    @PreAuthorize(ANSWER_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> questionnaireResponse(@PathVariable String id) {
        return reads.read(
                "QuestionnaireResponse",
                FhirSearch.owner(INSTRUMENT_ID, id, resources::clientOfScreening),
                IntakeAccess.SCREENING,
                resources::questionnaireResponses,
                id);
    }

    @GetMapping("/QuestionnaireResponse")
    @PreAuthorize(ANSWER_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> questionnaireResponses(@ParameterObject SearchParams params) {
        DateRange dates = FhirSearch.dates(params.date());
        return reads.search(
                "QuestionnaireResponse",
                params,
                IntakeAccess.SCREENING,
                resources::knows,
                resources::questionnaireResponses,
                q -> dates.contains(IopFhir.instant(q.getAuthored())));
    }

    @GetMapping("/Consent/{id}")
    @PreAuthorize(CLIENT_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> consent(@PathVariable String id) {
        return reads.read(
                "Consent",
                FhirSearch.owner(CONSENT_ID, id, resources::clientOfClient),
                IntakeAccess.CLIENT,
                resources::consents,
                id);
    }

    @GetMapping("/Consent")
    @PreAuthorize(CLIENT_READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> consents(@ParameterObject SearchParams params) {
        return reads.search("Consent", params, IntakeAccess.CLIENT, resources::knows, resources::consents, c -> true);
    }
}
