package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A client's whole episode read through the four services' FHIR R4 APIs as an integrator would:
 * HAPI's generic client on each service's base URL with a SMART-scoped bearer token, each
 * {@code CapabilityStatement}, reads, searches by patient (with date and code) paged along the
 * {@code next} links, and a CarePlan {@code vread}. Every answer is validated against the R4 base
 * profiles ({@link FhirProfiles}, 0 errors), and every resource type a service's
 * CapabilityStatement offers is read at least once.
 */
final class FhirEpisode {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String LOINC = "http://loinc.org";
    private static final String PHQ9_TOTAL = "44261-6";
    private static final ReferenceClientParam PATIENT = new ReferenceClientParam("patient");
    /** Loading the R4 structure definitions takes seconds: built in the background, from {@link #prepare}. */
    private static CompletableFuture<FhirProfiles> profiles;

    private final Journey journey;
    private final String token;
    /** Validates the answers while the next ones are read. */
    private final ExecutorService validating = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fhir-validation");
        thread.setDaemon(true);
        return thread;
    });

    private final List<CompletableFuture<Void>> validations = new ArrayList<>();
    /** Per FHIR base: the resource types read from it. */
    private final Map<String, Set<String>> typesRead = new LinkedHashMap<>();

    FhirEpisode(Journey journey) {
        this.journey = journey;
        this.token = journey.staff.scopedToken("sup-fhir", "user/*.read", "CLINICAL_SUPERVISOR");
        prepare();
    }

    /**
     * Starts building the validator in the background; the suite calls it when it starts, so that the
     * validator is ready by the time the episode is read (scenario 2 runs last).
     */
    static synchronized CompletableFuture<FhirProfiles> prepare() {
        if (profiles == null) {
            profiles = CompletableFuture.supplyAsync(() -> new FhirProfiles(FHIR));
        }
        return profiles;
    }

    /**
     * Reads and checks the episode of {@code clientId}, enrolled in {@code track}, whose plan has two
     * versions and who missed sessions; the attended session of {@code attendeeId} is the Encounter.
     * Records a PHQ-9 assessment on the client's plan first (treatment-plan's Observation).
     */
    void readAndCheck(String clientId, String attendeeId, String track) {
        long begin = System.nanoTime();
        Http.Reply assessment = Http.post(
                journey.platform.treatmentPlan + "/api/clients/" + clientId + "/assessments",
                journey.staff.clinician,
                Map.of("instrument", "PHQ9", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)));
        assertThat(assessment.status()).as("assessment: %s", assessment).isEqualTo(201);

        IGenericClient intake = client(journey.platform.intake);
        IGenericClient scheduling = client(journey.platform.scheduling);
        IGenericClient treatmentPlan = client(journey.platform.treatmentPlan);
        IGenericClient notification = client(journey.platform.notification);
        Map<IGenericClient, Set<String>> offered = new LinkedHashMap<>();
        for (IGenericClient service : List.of(intake, scheduling, treatmentPlan, notification)) {
            CapabilityStatement cs =
                    service.capabilities().ofType(CapabilityStatement.class).execute();
            answer(service, cs);
            assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
            offered.put(
                    service,
                    cs.getRestFirstRep().getResource().stream()
                            .map(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        String patient = "Patient/" + clientId;

        readIntake(intake, clientId, patient);
        readScheduling(scheduling, patient, "Patient/" + attendeeId, track);
        readTreatmentPlan(treatmentPlan, patient);

        List<Communication> communications = all(
                notification,
                ofPatient(notification, Communication.class, patient).count(3),
                Communication.class);
        assertThat(communications).hasSizeGreaterThanOrEqualTo(3);
        assertThat(communications).allSatisfy(c -> assertThat(c.getPayload()).isEmpty());
        assertThat(communications.stream()
                        .map(c -> c.getCategoryFirstRep().getCodingFirstRep().getCode()))
                .contains("WELCOME", "MISSED_SESSION_OUTREACH");
        read(notification, Communication.class, communications.get(0).getIdPart());

        offered.forEach((service, types) -> assertThat(typesRead.get(service.getServerBase()))
                .as("types read from %s", service.getServerBase())
                .containsAll(types)
                .contains("CapabilityStatement"));

        double reads = AcceptanceIT.seconds(begin);
        CompletableFuture.allOf(validations.toArray(CompletableFuture[]::new)).join();
        validating.shutdown();
        FhirProfiles validation = prepare().join();
        System.out.printf(
                "[acceptance] FHIR episode: reads %.1f s, validation done %.1f s later (validator built in %.1f s)%n",
                reads, AcceptanceIT.seconds(begin) - reads, validation.buildSeconds);
        validation.report().forEach(line -> System.out.println("[acceptance] FHIR R4 base profiles: " + line));
        assertThat(validation.errors())
                .as("errors against the R4 base profiles")
                .isEmpty();
        // invariants are checked, not only the schema: a booked appointment has a start and an end (app-3)
        Appointment undated = new Appointment().setStatus(AppointmentStatus.BOOKED);
        undated.addParticipant().setActor(new Reference(patient)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        assertThat(validation.errorsOf(undated)).anyMatch(error -> error.contains("app-3"));
    }

    private void readIntake(IGenericClient intake, String clientId, String patient) {
        Patient person = read(intake, Patient.class, clientId);
        assertThat(person.getActive()).isTrue();
        List<EpisodeOfCare> episodes = allOf(intake, EpisodeOfCare.class, patient);
        assertThat(episodes)
                .singleElement()
                .satisfies(e -> assertThat(e.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE));
        read(intake, EpisodeOfCare.class, episodes.get(0).getIdPart());
        List<Observation> phq9 = phq9Totals(intake, patient);
        assertThat(phq9)
                .singleElement()
                .satisfies(o ->
                        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo(PHQ9_TOTAL));
        assertThat(allOf(intake, Observation.class, patient)).hasSize(2);
        List<QuestionnaireResponse> answered = allOf(intake, QuestionnaireResponse.class, patient);
        assertThat(answered).hasSize(2);
        read(intake, QuestionnaireResponse.class, answered.get(0).getIdPart());
        assertThat(all(intake, ofPatient(intake, Consent.class, patient).count(2), Consent.class))
                .hasSize(3);
        read(intake, Consent.class, clientId + "-part2");
    }

    private void readScheduling(IGenericClient scheduling, String patient, String attendee, String track) {
        read(scheduling, HealthcareService.class, track);
        String since = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        List<Appointment> appointments = all(
                scheduling,
                ofPatient(scheduling, Appointment.class, patient)
                        .and(Appointment.DATE.afterOrEquals().day(since))
                        .count(5),
                Appointment.class);
        assertThat(appointments.stream().map(Appointment::getStatus))
                .contains(AppointmentStatus.NOSHOW, AppointmentStatus.BOOKED);
        Date bound =
                Date.from(LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(appointments).allSatisfy(a -> assertThat(a.getStart()).isAfterOrEqualTo(bound));
        Appointment missed = appointments.stream()
                .filter(a -> a.getStatus() == AppointmentStatus.NOSHOW)
                .findFirst()
                .orElseThrow();
        read(scheduling, Appointment.class, missed.getIdPart());
        assertThat(allOf(scheduling, Encounter.class, patient))
                .as("the client missed every session so far")
                .isEmpty();
        List<Encounter> attended = allOf(scheduling, Encounter.class, attendee);
        assertThat(attended)
                .singleElement()
                .satisfies(e -> assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED));
        read(scheduling, Encounter.class, attended.get(0).getIdPart());
    }

    private void readTreatmentPlan(IGenericClient treatmentPlan, String patient) {
        List<CarePlan> plans = allOf(treatmentPlan, CarePlan.class, patient);
        assertThat(plans).singleElement().satisfies(p -> {
            assertThat(p.getMeta().getVersionId()).isEqualTo("2");
            assertThat(p.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        });
        String planId = plans.get(0).getIdPart();
        assertThat(read(treatmentPlan, CarePlan.class, planId).getMeta().getVersionId())
                .isEqualTo("2");
        CarePlan first = treatmentPlan
                .read()
                .resource(CarePlan.class)
                .withIdAndVersion(planId, "1")
                .execute();
        answer(treatmentPlan, first);
        assertThat(first.getMeta().getVersionId()).isEqualTo("1");
        List<Provenance> provenances = allOf(treatmentPlan, Provenance.class, patient);
        assertThat(provenances.stream().map(p -> p.getReasonFirstRep().getText()))
                .containsExactlyInAnyOrder("Initial plan", "Reviewed after two missed sessions");
        read(treatmentPlan, Provenance.class, provenances.get(0).getIdPart());
        List<Observation> assessments = phq9Totals(treatmentPlan, patient);
        assertThat(assessments).singleElement().satisfies(o -> {
            assertThat(o.getValueIntegerType().getValue()).isEqualTo(8);
            assertThat(o.getBasedOnFirstRep().getReference()).isEqualTo("CarePlan/" + planId);
        });
        read(treatmentPlan, Observation.class, assessments.get(0).getIdPart());
    }

    private IGenericClient client(String service) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // a service's first FHIR answer builds its model of R4: on a busy machine that can take longer than HAPI's 10 s
        FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
        IGenericClient client = FHIR.newRestfulGenericClient(service + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        client.registerInterceptor(new IClientInterceptor() {
            @Override
            public void interceptRequest(IHttpRequest request) {}

            /** Each answer validated as the service wrote it: a parsed resource would have lost what the parser skipped. */
            @Override
            public void interceptResponse(IHttpResponse response) throws IOException {
                if (response.getStatus() == 200) {
                    response.bufferEntity();
                    try (InputStream body = response.readEntity()) {
                        String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                        validations.add(prepare().thenAcceptAsync(validator -> validator.validate(json), validating));
                    }
                }
            }
        });
        return client;
    }

    private <R extends Resource> R read(IGenericClient service, Class<R> type, String id) {
        R resource = service.read().resource(type).withId(id).execute();
        assertThat(resource.getIdPart()).isEqualTo(id);
        return answer(service, resource);
    }

    /** A search by patient ({@code patient=Patient/<id>}), the parameter every search but HealthcareService takes. */
    private static IQuery<IBaseBundle> ofPatient(
            IGenericClient service, Class<? extends Resource> type, String patient) {
        return service.search().forResource(type).where(PATIENT.hasId(patient));
    }

    /** Every resource of a type about the patient. */
    private <R extends Resource> List<R> allOf(IGenericClient service, Class<R> type, String patient) {
        return all(service, ofPatient(service, type, patient), type);
    }

    /** The patient's PHQ-9 totals ({@code Observation?patient=&code=http://loinc.org|44261-6}). */
    private List<Observation> phq9Totals(IGenericClient service, String patient) {
        return all(
                service,
                ofPatient(service, Observation.class, patient)
                        .and(Observation.CODE.exactly().systemAndCode(LOINC, PHQ9_TOTAL)),
                Observation.class);
    }

    /** Every match of a search, page by page along the {@code next} links. */
    private <R extends Resource> List<R> all(IGenericClient service, IQuery<?> search, Class<R> type) {
        Bundle page = search.returnBundle(Bundle.class).execute();
        List<R> matches = new ArrayList<>();
        for (int pages = 1; ; pages++) {
            answer(service, page);
            page.getEntry().forEach(e -> matches.add(type.cast(e.getResource())));
            if (page.getLink(IBaseBundle.LINK_NEXT) == null) {
                break;
            }
            assertThat(pages).as("pages of %s", page.getLink("self").getUrl()).isLessThan(20);
            page = service.loadPage().next(page).execute();
        }
        assertThat(matches).hasSize(page.getTotal());
        return matches;
    }

    private <R extends Resource> R answer(IGenericClient service, R resource) {
        Set<String> types = typesRead.computeIfAbsent(service.getServerBase(), s -> new TreeSet<>());
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(e -> types.add(e.getResource().fhirType()));
        } else {
            types.add(resource.fhirType());
        }
        return resource;
    }
}
