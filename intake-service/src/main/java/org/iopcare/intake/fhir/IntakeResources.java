package org.iopcare.intake.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.iopcare.support.fhir.IopFhir;
import org.iopcare.support.fhir.Part2Labels;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads intake's tables and builds the FHIR resources of one client (docs/fhir.md, "intake").
 * Every method takes the client id whose caseload check has already passed.
 */
class IntakeResources {

    static final String PHQ9_TOTAL = "44261-6";
    static final String GAD7_TOTAL = "70274-6";
    static final String PHQ9_PANEL = "http://loinc.org/q/44249-1";
    static final String GAD7_PANEL = "http://loinc.org/q/69737-5";
    static final Set<String> CONSENT_KINDS = Set.of("sms", "email", "part2");

    private final JdbcTemplate jdbc;

    IntakeResources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client (or, before enrollment, the inquirer) an id names, if it exists. */
    UUID clientOfPatient(UUID id) {
        return jdbc
                .queryForList(
                        "SELECT id FROM client WHERE id = ? UNION SELECT client_id FROM inquiry WHERE client_id = ?",
                        UUID.class,
                        id,
                        id)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Whether intake knows the client (enrolled, or an inquirer). */
    boolean knows(UUID clientId) {
        return clientOfPatient(clientId) != null;
    }

    UUID clientOfInquiry(UUID inquiryId) {
        return jdbc.queryForList("SELECT client_id FROM inquiry WHERE id = ?", UUID.class, inquiryId).stream()
                .findFirst()
                .orElse(null);
    }

    UUID clientOfScreening(UUID screeningId) {
        return jdbc.queryForList("SELECT client_id FROM screening WHERE id = ?", UUID.class, screeningId).stream()
                .findFirst()
                .orElse(null);
    }

    UUID clientOfClient(UUID clientId) {
        return jdbc.queryForList("SELECT id FROM client WHERE id = ?", UUID.class, clientId).stream()
                .findFirst()
                .orElse(null);
    }

    /** Whether any of the client's enrollments is in a substance use disorder track. */
    boolean sud(UUID clientId) {
        return jdbc
                .queryForList("SELECT track_code FROM enrollment WHERE client_id = ?", String.class, clientId)
                .stream()
                .anyMatch(IopFhir::sudTrack);
    }

    Patient patient(UUID clientId) {
        boolean sud = sud(clientId);
        List<Patient> enrolled = jdbc.query(
                """
                SELECT c.*, EXISTS (SELECT 1 FROM enrollment e WHERE e.client_id = c.id AND e.discharged_at IS NULL) AS open
                FROM client c WHERE c.id = ?
                """,
                (rs, n) -> {
                    Patient p = base(clientId, rs, sud);
                    p.getMeta().setVersionId(Long.toString(rs.getLong("version")));
                    p.getMeta().setLastUpdated(Date.from(instant(rs, "updated_at")));
                    p.setActive(rs.getBoolean("open"));
                    if (rs.getString("preferred_name") != null) {
                        p.addName().setUse(HumanName.NameUse.USUAL).addGiven(rs.getString("preferred_name"));
                    }
                    return p;
                },
                clientId);
        if (!enrolled.isEmpty()) {
            return enrolled.get(0);
        }
        // an inquirer not (yet) enrolled: the details of the latest inquiry
        return jdbc.query(
                        "SELECT * FROM inquiry WHERE client_id = ? ORDER BY received_at DESC LIMIT 1",
                        (rs, n) -> {
                            Patient p = base(clientId, rs, sud);
                            p.getMeta().setLastUpdated(Date.from(instant(rs, "updated_at")));
                            p.setActive(false);
                            return p;
                        },
                        clientId)
                .get(0);
    }

    private static Patient base(UUID clientId, ResultSet rs, boolean sud) throws SQLException {
        Patient p = new Patient();
        p.setId(clientId.toString());
        p.addIdentifier().setSystem(IopFhir.CLIENT_ID).setValue(clientId.toString());
        p.addName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(rs.getString("last_name"))
                .addGiven(rs.getString("first_name"));
        if (rs.getString("phone") != null) {
            p.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setUse(ContactPoint.ContactPointUse.MOBILE)
                    .setValue(rs.getString("phone"));
        }
        if (rs.getString("email") != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(rs.getString("email"));
        }
        return Part2Labels.apply(p, sud);
    }

    /** One episode per inquiry: planned while in the pipeline, active once enrolled, finished at discharge. */
    List<EpisodeOfCare> episodes(UUID clientId) {
        boolean sud = sud(clientId);
        return jdbc.query("""
                SELECT i.id, i.status, i.received_at, i.updated_at,
                       e.track_code, e.start_date, e.primary_clinician_id, e.enrolled_at,
                       e.discharge_effective, e.discharged_at,
                       (SELECT s.decided_level FROM screening s WHERE s.inquiry_id = i.id
                        ORDER BY s.screened_at DESC LIMIT 1) AS level
                FROM inquiry i LEFT JOIN enrollment e ON e.inquiry_id = i.id
                WHERE i.client_id = ? ORDER BY i.received_at
                """, (rs, n) -> episode(clientId, rs, sud), clientId);
    }

    private static EpisodeOfCare episode(UUID clientId, ResultSet rs, boolean sud) throws SQLException {
        EpisodeOfCare e = new EpisodeOfCare();
        e.setId(rs.getString("id"));
        e.getMeta().setLastUpdated(Date.from(latest(instant(rs, "updated_at"), instant(rs, "discharged_at"))));
        e.setPatient(IopFhir.patient(clientId));
        Instant received = instant(rs, "received_at");
        Instant enrolled = instant(rs, "enrolled_at");
        Instant discharged = instant(rs, "discharged_at");
        String status = rs.getString("status");
        EpisodeOfCareStatus now;
        if (enrolled != null) {
            now = discharged == null ? EpisodeOfCareStatus.ACTIVE : EpisodeOfCareStatus.FINISHED;
        } else if (status.equals("REFERRED_OUT") || status.equals("CLOSED")) {
            now = EpisodeOfCareStatus.CANCELLED;
        } else {
            now = EpisodeOfCareStatus.PLANNED;
        }
        e.setStatus(now);
        e.addStatusHistory()
                .setStatus(EpisodeOfCareStatus.PLANNED)
                .setPeriod(new Period()
                        .setStartElement(IopFhir.dateTime(received))
                        .setEndElement(
                                enrolled != null
                                        ? IopFhir.dateTime(enrolled)
                                        : now == EpisodeOfCareStatus.CANCELLED
                                                ? IopFhir.dateTime(instant(rs, "updated_at"))
                                                : null));
        if (enrolled != null) {
            e.addStatusHistory()
                    .setStatus(EpisodeOfCareStatus.ACTIVE)
                    .setPeriod(new Period()
                            .setStartElement(IopFhir.dateTime(enrolled))
                            .setEndElement(discharged == null ? null : IopFhir.dateTime(discharged)));
        }
        if (rs.getString("level") != null) {
            e.addType(new CodeableConcept()
                    .addCoding(new Coding(IopFhir.CODE_SYSTEM + "level-of-care", rs.getString("level"), null)));
        }
        LocalDate start = rs.getObject("start_date", LocalDate.class);
        LocalDate end = rs.getObject("discharge_effective", LocalDate.class);
        Period period = new Period();
        period.setStartElement(start != null ? dateTime(start) : IopFhir.dateTime(received));
        if (end != null) {
            period.setEndElement(dateTime(end));
        } else if (now == EpisodeOfCareStatus.CANCELLED) {
            period.setEndElement(IopFhir.dateTime(instant(rs, "updated_at")));
        }
        e.setPeriod(period);
        if (rs.getString("primary_clinician_id") != null) {
            e.setCareManager(IopFhir.staff(rs.getString("primary_clinician_id")));
        }
        return Part2Labels.apply(e, sud);
    }

    /** The PHQ-9 and GAD-7 totals of every screening of the client. */
    List<Observation> observations(UUID clientId) {
        boolean sud = sud(clientId);
        return perScreening(
                clientId,
                rs -> List.of(
                        observation(clientId, rs, "phq9", PHQ9_TOTAL, "PHQ-9 total score", sud),
                        observation(clientId, rs, "gad7", GAD7_TOTAL, "GAD-7 total score", sud)));
    }

    private static Observation observation(
            UUID clientId, ResultSet rs, String instrument, String loinc, String display, boolean sud)
            throws SQLException {
        Observation o = new Observation();
        o.setId(rs.getString("id") + "-" + instrument);
        o.getMeta().setVersionId(Long.toString(rs.getLong("version")));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept()
                .addCoding(
                        new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        o.setCode(new CodeableConcept().addCoding(new Coding(IopFhir.LOINC, loinc, display)));
        o.setSubject(IopFhir.patient(clientId));
        o.setEffective(IopFhir.dateTime(instant(rs, "screened_at")));
        o.setValue(new IntegerType(rs.getInt(instrument + "_score")));
        o.addInterpretation(new CodeableConcept().setText(rs.getString(instrument + "_band")));
        o.addPerformer(IopFhir.staff(rs.getString("screened_by")));
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + rs.getString("id") + "-" + instrument));
        return Part2Labels.apply(o, sud);
    }

    /** The PHQ-9 and GAD-7 item answers of every screening of the client. */
    List<QuestionnaireResponse> questionnaireResponses(UUID clientId) {
        boolean sud = sud(clientId);
        return perScreening(
                clientId,
                rs -> List.of(
                        response(clientId, rs, "phq9", PHQ9_PANEL, sud),
                        response(clientId, rs, "gad7", GAD7_PANEL, sud)));
    }

    /** Two resources (PHQ-9, GAD-7) of each of the client's screenings, oldest first. */
    private <R> List<R> perScreening(UUID clientId, RowResources<R> build) {
        return jdbc
                .query(
                        "SELECT * FROM screening WHERE client_id = ? ORDER BY screened_at",
                        (rs, n) -> build.of(rs),
                        clientId)
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    /** The resources one row yields. */
    private interface RowResources<R> {
        List<R> of(ResultSet rs) throws SQLException;
    }

    private static QuestionnaireResponse response(
            UUID clientId, ResultSet rs, String instrument, String questionnaire, boolean sud) throws SQLException {
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setId(rs.getString("id") + "-" + instrument);
        q.getMeta().setVersionId(Long.toString(rs.getLong("version")));
        q.setQuestionnaire(questionnaire);
        q.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        q.setSubject(IopFhir.patient(clientId));
        q.setAuthoredElement(IopFhir.dateTime(instant(rs, "screened_at")));
        q.setAuthor(IopFhir.staff(rs.getString("screened_by")));
        List<Integer> answers = Arrays.stream(
                        rs.getString(instrument + "_answers").split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
        for (int i = 0; i < answers.size(); i++) {
            q.addItem().setLinkId(Integer.toString(i + 1)).addAnswer().setValue(new IntegerType(answers.get(i)));
        }
        return Part2Labels.apply(q, sud);
    }

    /** The client's SMS (TCPA), email and 42 CFR Part 2 disclosure consents. */
    List<Consent> consents(UUID clientId) {
        boolean sud = sud(clientId);
        return jdbc
                .query(
                        "SELECT * FROM client WHERE id = ?",
                        (rs, n) -> List.of(
                                consent(clientId, rs, "sms", "SMS messages (TCPA prior express consent)", sud),
                                consent(clientId, rs, "email", "Email messages", sud),
                                consent(clientId, rs, "part2", "Disclosure under 42 CFR Part 2", sud)),
                        clientId)
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    private static Consent consent(UUID clientId, ResultSet rs, String kind, String text, boolean sud)
            throws SQLException {
        Consent c = new Consent();
        c.setId(clientId + "-" + kind);
        c.getMeta().setVersionId(Long.toString(rs.getLong("version")));
        c.setStatus(Consent.ConsentState.ACTIVE);
        c.setScope(new CodeableConcept()
                .addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent")));
        c.addCategory(new CodeableConcept().addCoding(new Coding(IopFhir.LOINC, "59284-0", "Patient Consent")));
        c.addCategory(new CodeableConcept()
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "consent-kind", kind, text))
                .setText(text));
        c.setPatient(IopFhir.patient(clientId));
        c.setDateTime(Date.from(instant(rs, kind + "_consent_at")));
        if (kind.equals("part2")) {
            c.addPolicy().setUri("https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2");
            c.setPolicyRule(new CodeableConcept().addCoding(new Coding(Part2Labels.ACT_CODE, "42CFRPart2", null)));
        } else if (kind.equals("sms")) {
            c.addPolicy()
                    .setUri(
                            "https://www.govinfo.gov/app/details/USCODE-2023-title47/USCODE-2023-title47-chap5-subchapII-partI-sec227");
        } else {
            c.addPolicy().setUri(IopFhir.CODE_SYSTEM.replace("CodeSystem/", "policy/") + "email-contact");
        }
        c.getProvision()
                .setType(
                        rs.getBoolean(kind + "_consent")
                                ? Consent.ConsentProvisionType.PERMIT
                                : Consent.ConsentProvisionType.DENY);
        c.getSourceAttachment().setTitle("Recorded by " + rs.getString(kind + "_consent_source"));
        return Part2Labels.apply(c, sud);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static DateTimeType dateTime(LocalDate d) {
        return new DateTimeType(d.toString());
    }
}
