-- A clinician's time off: no individual session or check-in is planned or moved into it. Local
-- date-times in the clinic's zone, as staff enter them.
CREATE TABLE clinician_time_off (
    id            UUID         PRIMARY KEY,
    clinician_id  VARCHAR(100) NOT NULL,
    local_start   TIMESTAMP    NOT NULL,
    local_end     TIMESTAMP    NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    CHECK (local_end > local_start)
);
CREATE INDEX clinician_time_off_by_clinician ON clinician_time_off (clinician_id);

-- Weekly hours come from staff (PUT /api/clinicians/{id}/availability); the two clinicians V2
-- seeded for the local run and the tests live in db/local, which only those add.
DELETE FROM clinician_availability WHERE clinician_id IN ('clin-ada', 'clin-ben');
