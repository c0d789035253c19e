package org.iopcare.scheduling.schedule;

import java.sql.Time;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes a clinician's weekly hours and time off; the schedule reads them through {@link ScheduleStore}. */
@Repository
class ClinicianHours {

    private final JdbcClient jdbc;

    ClinicianHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces everything the clinician had; the caller holds the clinician's booking lock. */
    void replace(String clinicianId, List<AvailabilityWindow> weekly, List<TimeOff> timeOff) {
        jdbc.sql("DELETE FROM clinician_availability WHERE clinician_id = ?")
                .param(clinicianId)
                .update();
        jdbc.sql("DELETE FROM clinician_time_off WHERE clinician_id = ?")
                .param(clinicianId)
                .update();
        for (AvailabilityWindow window : weekly) {
            jdbc.sql("""
                            INSERT INTO clinician_availability (clinician_id, day_of_week, local_start, local_end, time_zone)
                            VALUES (?, ?, ?, ?, ?)
                            """)
                    .params(
                            clinicianId,
                            window.day().name(),
                            Time.valueOf(window.localStart()),
                            Time.valueOf(window.localEnd()),
                            window.zone().getId())
                    .update();
        }
        for (TimeOff off : timeOff) {
            jdbc.sql("""
                            INSERT INTO clinician_time_off (id, clinician_id, local_start, local_end, time_zone)
                            VALUES (?, ?, ?, ?, ?)
                            """)
                    .params(
                            UUID.randomUUID(),
                            clinicianId,
                            Timestamp.valueOf(off.start()),
                            Timestamp.valueOf(off.end()),
                            off.zone().getId())
                    .update();
        }
    }
}
