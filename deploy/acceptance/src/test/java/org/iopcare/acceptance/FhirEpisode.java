package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.iopcare.acceptance.Http.Reply;

/**
 * A client's whole episode read through the four services' FHIR R4 APIs as an integrator would:
 * a SMART-scoped staff token, each service's {@code CapabilityStatement}, then reads and searches
 * by patient, following {@code next} links, every answer parsed with HAPI's R4 JSON parser and
 * every resource validated with HAPI's {@code FhirValidator} against the R4 base schema (0 errors).
 * HAPI's generic client ({@code hapi-fhir-client}) cannot be resolved in this build; the suite's
 * HTTP client stands in for it.
 */
final class FhirEpisode {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final AcceptancePlatform platform;
    private final String token;
    private final FhirValidator validator;
    private final List<Resource> read = new ArrayList<>();

    FhirEpisode(Journey journey) {
        this.platform = journey.platform;
        this.token = journey.staff.scopedToken("sup-fhir", "user/*.read", "CLINICAL_SUPERVISOR");
        this.validator = FHIR.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
    }

    /** Reads and checks the episode of a client enrolled in {@code track} whose plan has two versions and who missed sessions. */
    void readAndCheck(String clientId, String track) {
        for (String service :
                List.of(platform.intake, platform.scheduling, platform.treatmentPlan, platform.notification)) {
            CapabilityStatement cs = resource(CapabilityStatement.class, service + "/fhir/metadata");
            assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        }
        String patient = "patient=Patient/" + clientId;

        Patient person = resource(Patient.class, platform.intake + "/fhir/Patient/" + clientId);
        assertThat(person.getActive()).isTrue();
        List<Resource> episodes = search(platform.intake + "/fhir/EpisodeOfCare?" + patient);
        assertThat(episodes)
                .singleElement()
                .satisfies(e -> assertThat(((EpisodeOfCare) e).getStatus())
                        .isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE));
        assertThat(search(platform.intake + "/fhir/Observation?" + patient + "&code=http://loinc.org%7C44261-6"))
                .hasSize(1);
        assertThat(search(platform.intake + "/fhir/Observation?" + patient)).hasSize(2);
        assertThat(search(platform.intake + "/fhir/QuestionnaireResponse?" + patient))
                .hasSize(2);
        assertThat(search(platform.intake + "/fhir/Consent?" + patient + "&_count=2"))
                .hasSize(3);

        resource(HealthcareService.class, platform.scheduling + "/fhir/HealthcareService/" + track);
        List<Resource> appointments = search(platform.scheduling + "/fhir/Appointment?" + patient + "&_count=5");
        assertThat(appointments.stream().map(a -> ((Appointment) a).getStatus()))
                .contains(Appointment.AppointmentStatus.NOSHOW, Appointment.AppointmentStatus.BOOKED);
        search(platform.scheduling + "/fhir/Encounter?" + patient);

        List<Resource> plans = search(platform.treatmentPlan + "/fhir/CarePlan?" + patient);
        assertThat(plans).singleElement().satisfies(p -> {
            assertThat(p.getMeta().getVersionId()).isEqualTo("2");
            assertThat(((CarePlan) p).getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        });
        CarePlan first = resource(
                CarePlan.class,
                platform.treatmentPlan + "/fhir/CarePlan/" + plans.get(0).getIdPart() + "/_history/1");
        assertThat(first.getMeta().getVersionId()).isEqualTo("1");
        assertThat(search(platform.treatmentPlan + "/fhir/Provenance?" + patient).stream()
                        .map(p -> ((Provenance) p).getReasonFirstRep().getText()))
                .containsExactlyInAnyOrder("Initial plan", "Reviewed after two missed sessions");
        search(platform.treatmentPlan + "/fhir/Observation?" + patient);

        List<Resource> communications = search(platform.notification + "/fhir/Communication?" + patient);
        assertThat(communications).hasSizeGreaterThanOrEqualTo(3);
        assertThat(communications)
                .allSatisfy(c -> assertThat(((Communication) c).getPayload()).isEmpty());
        Map<String, Long> kinds = communications.stream()
                .collect(Collectors.groupingBy(
                        c -> ((Communication) c)
                                .getCategoryFirstRep()
                                .getCodingFirstRep()
                                .getCode(),
                        Collectors.counting()));
        assertThat(kinds).containsKeys("WELCOME", "MISSED_SESSION_OUTREACH");

        assertThat(read).allSatisfy(this::assertValid);
        System.out.printf("[acceptance] FHIR episode: %d resources read and valid%n", read.size());
    }

    private <R extends Resource> R resource(Class<R> type, String url) {
        Reply reply = Http.get(url, token);
        assertThat(reply.status()).as("%s: %s", url, reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/fhir+json");
        R resource = FHIR.newJsonParser().parseResource(type, reply.body());
        read.add(resource);
        return resource;
    }

    /** Every match of a search, page by page along the {@code next} links. */
    private List<Resource> search(String url) {
        List<Resource> matches = new ArrayList<>();
        String next = url;
        int pages = 0;
        while (next != null && pages++ < 20) {
            Bundle page = resource(Bundle.class, next);
            page.getEntry().forEach(e -> matches.add(e.getResource()));
            assertThat(page.getTotal()).isGreaterThanOrEqualTo(matches.size());
            next = page.getLink("next") == null ? null : page.getLink("next").getUrl();
        }
        read.addAll(matches);
        return matches;
    }

    private void assertValid(Resource resource) {
        List<String> errors = validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
        assertThat(errors)
                .as("%s/%s against the R4 base", resource.fhirType(), resource.getIdPart())
                .isEmpty();
    }
}
