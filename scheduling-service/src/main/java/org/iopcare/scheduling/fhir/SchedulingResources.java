package org.iopcare.scheduling.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HealthcareService.DaysOfWeek;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.iopcare.support.fhir.IopFhir;
import org.iopcare.support.fhir.Part2Labels;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads scheduling's tables and builds its FHIR resources (docs/fhir.md, "scheduling"): a
 * HealthcareService per program track, an Appointment per client session and an Encounter per
 * attended one.
 */
class SchedulingResources {

    private static final Set<String> ATTENDED = Set.of("PRESENT", "LATE");
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private static final String SESSIONS = """
            SELECT s.*, g.track_code AS group_track FROM client_session s
            LEFT JOIN group_session g ON g.id = s.group_session_id
            WHERE s.client_id = ? ORDER BY s.starts_at, s.id
            """;

    private final JdbcTemplate jdbc;

    SchedulingResources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID clientOfSession(UUID sessionId) {
        return jdbc.queryForList("SELECT client_id FROM client_session WHERE id = ?", UUID.class, sessionId).stream()
                .findFirst()
                .orElse(null);
    }

    /** Whether scheduling knows the client (enrolled, scheduled or with a session). */
    boolean knows(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM client_enrollment WHERE client_id = ?)
                    OR EXISTS (SELECT 1 FROM client_schedule WHERE client_id = ?)
                    OR EXISTS (SELECT 1 FROM client_session WHERE client_id = ?)
                """, Boolean.class, clientId, clientId, clientId));
    }

    /** Whether the client is enrolled in (or scheduled for) a substance use disorder track. */
    boolean sud(UUID clientId) {
        return jdbc
                .queryForList(
                        "SELECT track_code FROM client_enrollment WHERE client_id = ?"
                                + " UNION SELECT track_code FROM client_schedule WHERE client_id = ?",
                        String.class,
                        clientId,
                        clientId)
                .stream()
                .anyMatch(IopFhir::sudTrack);
    }

    List<HealthcareService> tracks() {
        return jdbc.query("SELECT * FROM program_track ORDER BY code", (rs, n) -> track(rs));
    }

    private static HealthcareService track(ResultSet rs) throws SQLException {
        HealthcareService h = new HealthcareService();
        h.setId(rs.getString("code"));
        h.getMeta().setLastUpdated(Date.from(rs.getTimestamp("updated_at").toInstant()));
        h.setActive(true);
        h.addIdentifier().setSystem(IopFhir.CODE_SYSTEM + "track").setValue(rs.getString("code"));
        h.setName(rs.getString("name"));
        h.addType(new CodeableConcept()
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "level-of-care", "IOP", "Intensive outpatient")));
        h.addCharacteristic(new CodeableConcept()
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "modality", rs.getString("modality"), null)));
        h.addCharacteristic(new CodeableConcept()
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "age-group", rs.getString("age_group"), null)));
        HealthcareService.HealthcareServiceAvailableTimeComponent time = h.addAvailableTime();
        for (String day : rs.getString("meeting_days").split(",")) {
            time.addDaysOfWeek(DaysOfWeek.fromCode(
                    DayOfWeek.valueOf(day.strip()).name().substring(0, 3).toLowerCase()));
        }
        time.setAvailableStartTime(rs.getTime("local_start").toLocalTime() + ":00");
        time.setAvailableEndTime(rs.getTime("local_end").toLocalTime() + ":00");
        h.setAvailabilityExceptions("Times in " + rs.getString("time_zone") + "; capacity " + rs.getInt("capacity")
                + "; closed on the clinic's closure days");
        return h;
    }

    /** Every session of the client, in time order. */
    List<Appointment> appointments(UUID clientId) {
        boolean sud = sud(clientId);
        return jdbc.query(SESSIONS, (rs, n) -> appointment(clientId, rs, sud), clientId);
    }

    private static Appointment appointment(UUID clientId, ResultSet rs, boolean sud) throws SQLException {
        Appointment a = new Appointment();
        a.setId(rs.getString("id"));
        String attendance = rs.getString("attendance");
        AppointmentStatus status;
        if ("CANCELLED".equals(rs.getString("status")) || "EXCUSED".equals(attendance)) {
            status = AppointmentStatus.CANCELLED;
        } else if (attendance == null) {
            status = AppointmentStatus.BOOKED;
        } else if (ATTENDED.contains(attendance)) {
            status = AppointmentStatus.FULFILLED;
        } else {
            status = AppointmentStatus.NOSHOW;
        }
        a.setStatus(status);
        if (rs.getString("cancel_reason") != null) {
            a.setCancelationReason(new CodeableConcept()
                    .addCoding(new Coding(IopFhir.CODE_SYSTEM + "cancel-reason", rs.getString("cancel_reason"), null)));
        }
        a.addServiceType(kind(rs));
        a.setStart(Date.from(instant(rs, "starts_at")));
        a.setEnd(Date.from(instant(rs, "ends_at")));
        a.setMinutesDuration((int) java.time.Duration.between(instant(rs, "starts_at"), instant(rs, "ends_at"))
                .toMinutes());
        a.setCreated(Date.from(instant(rs, "created_at")));
        a.addParticipant()
                .setActor(IopFhir.patient(clientId))
                .setStatus(
                        status == AppointmentStatus.NOSHOW
                                ? ParticipationStatus.DECLINED
                                : ParticipationStatus.ACCEPTED);
        if (rs.getString("clinician_id") != null) {
            a.addParticipant()
                    .setActor(IopFhir.staff(rs.getString("clinician_id")))
                    .setStatus(ParticipationStatus.ACCEPTED);
        }
        if (rs.getString("group_track") != null) {
            a.addParticipant()
                    .setActor(new Reference("HealthcareService/" + rs.getString("group_track")))
                    .setStatus(ParticipationStatus.ACCEPTED);
        }
        return Part2Labels.apply(a, sud);
    }

    /** The attended sessions of the client, with the minutes attended. */
    List<Encounter> encounters(UUID clientId) {
        boolean sud = sud(clientId);
        return jdbc.query(SESSIONS, (rs, n) -> encounter(clientId, rs, sud), clientId).stream()
                .filter(e -> e != null)
                .toList();
    }

    private static @Nullable Encounter encounter(UUID clientId, ResultSet rs, boolean sud) throws SQLException {
        String attendance = rs.getString("attendance");
        if (!"SCHEDULED".equals(rs.getString("status")) || attendance == null || !ATTENDED.contains(attendance)) {
            return null;
        }
        Encounter e = new Encounter();
        e.setId(rs.getString("id"));
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        boolean virtual = "VIRTUAL".equals(rs.getString("modality"));
        e.setClass_(virtual ? new Coding(ACT_CODE, "VR", "virtual") : new Coding(ACT_CODE, "AMB", "ambulatory"));
        e.setServiceType(kind(rs));
        e.setSubject(IopFhir.patient(clientId));
        e.addAppointment(new Reference("Appointment/" + rs.getString("id")));
        e.setPeriod(new Period()
                .setStartElement(IopFhir.dateTime(instant(rs, "starts_at")))
                .setEndElement(IopFhir.dateTime(instant(rs, "ends_at"))));
        int minutes = rs.getInt("minutes_attended");
        if (!rs.wasNull()) {
            e.setLength((Duration) new Duration()
                    .setValue(minutes)
                    .setUnit("min")
                    .setSystem("http://unitsofmeasure.org")
                    .setCode("min"));
        }
        if (rs.getString("clinician_id") != null) {
            e.addParticipant().setIndividual(IopFhir.staff(rs.getString("clinician_id")));
        }
        return Part2Labels.apply(e, sud);
    }

    private static CodeableConcept kind(ResultSet rs) throws SQLException {
        return new CodeableConcept()
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "session-kind", rs.getString("kind"), null));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
