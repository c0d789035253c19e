-- Program tracks and their meeting components. A track meets on its meeting days from local_start
-- to local_end in its own IANA time zone; instants are computed per date so DST never shifts a
-- meeting's local time.
CREATE TABLE program_track (
    code          VARCHAR(40)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    meeting_days  VARCHAR(60)  NOT NULL,  -- ISO day names, comma-separated: MONDAY,WEDNESDAY
    local_start   TIME         NOT NULL,
    local_end     TIME         NOT NULL,
    capacity      INT          NOT NULL CHECK (capacity > 0),
    age_group     VARCHAR(20)  NOT NULL,
    modality      VARCHAR(20)  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE track_component (
    track_code  VARCHAR(40) NOT NULL REFERENCES program_track (code) ON DELETE CASCADE,
    position    INT         NOT NULL,
    component   VARCHAR(40) NOT NULL,
    minutes     INT         NOT NULL CHECK (minutes > 0),
    PRIMARY KEY (track_code, position)
);

-- A clinician's weekly availability for individual sessions and check-ins, in local time.
CREATE TABLE clinician_availability (
    clinician_id  VARCHAR(100) NOT NULL,
    day_of_week   VARCHAR(10)  NOT NULL,
    local_start   TIME         NOT NULL,
    local_end     TIME         NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (clinician_id, day_of_week, local_start)
);

-- A client's place in a track: ACTIVE (holds a seat), WAITLISTED (waitlist_seq orders the line)
-- or ENDED (discharged). Seats are counted here under a lock on the track row.
CREATE TABLE client_schedule (
    client_id          UUID         PRIMARY KEY,
    track_code         VARCHAR(40)  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    waitlist_seq       BIGINT,
    start_date         DATE         NOT NULL,
    clinician_id       VARCHAR(100) NOT NULL,
    age_group          VARCHAR(20)  NOT NULL,
    scheduled_through  DATE,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE SEQUENCE waitlist_seq;
CREATE INDEX client_schedule_track_status ON client_schedule (track_code, status);

CREATE TABLE group_session (
    id          UUID        PRIMARY KEY,
    track_code  VARCHAR(40) NOT NULL,
    local_date  DATE        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    time_zone   VARCHAR(64) NOT NULL,
    capacity    INT         NOT NULL,
    status      VARCHAR(20) NOT NULL,
    UNIQUE (track_code, local_date)
);

-- Closed days: generation skips them, so a later horizon extension never brings a session back.
CREATE TABLE closure (
    id          UUID        PRIMARY KEY,
    track_code  VARCHAR(40),             -- NULL: every track and every individual session
    first_day   DATE        NOT NULL,
    last_day    DATE        NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- One row per client session: group (roster entry of a group session), individual therapy or
-- clinician check-in. attendance is NULL until staff record it or the sweep marks a NO_SHOW.
CREATE TABLE client_session (
    id                 UUID         PRIMARY KEY,
    client_id          UUID         NOT NULL,
    kind               VARCHAR(30)  NOT NULL,
    group_session_id   UUID         REFERENCES group_session (id),
    clinician_id       VARCHAR(100),
    plan_week          DATE,
    starts_at          TIMESTAMPTZ  NOT NULL,
    ends_at            TIMESTAMPTZ  NOT NULL,
    time_zone          VARCHAR(64)  NOT NULL,
    modality           VARCHAR(20)  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    cancel_reason      VARCHAR(30),
    attendance         VARCHAR(20),
    late_minutes       INT,
    minutes_attended   INT,
    recorded_by        VARCHAR(100),
    recorded_at        TIMESTAMPTZ,
    missed_published   BOOLEAN      NOT NULL DEFAULT FALSE,
    confirmed_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL
);
-- One seat per client per group session, one planned individual session / check-in per week.
CREATE UNIQUE INDEX client_session_group_seat ON client_session (client_id, group_session_id)
    WHERE group_session_id IS NOT NULL;
CREATE UNIQUE INDEX client_session_planned ON client_session (client_id, kind, plan_week)
    WHERE plan_week IS NOT NULL;
CREATE INDEX client_session_client_start ON client_session (client_id, starts_at);
CREATE INDEX client_session_clinician_start ON client_session (clinician_id, starts_at)
    WHERE clinician_id IS NOT NULL AND status = 'SCHEDULED';
-- Serves the missed-session sweep: only sessions still waiting for attendance are in it, so it
-- stays small however many sessions the table holds.
CREATE INDEX client_session_awaiting_attendance ON client_session (ends_at)
    WHERE status = 'SCHEDULED' AND attendance IS NULL;

-- Corrections of recorded attendance: who changed what, when.
CREATE TABLE attendance_correction (
    id              BIGSERIAL    PRIMARY KEY,
    session_id      UUID         NOT NULL REFERENCES client_session (id),
    previous        VARCHAR(20)  NOT NULL,
    corrected       VARCHAR(20)  NOT NULL,
    corrected_by    VARCHAR(100) NOT NULL,
    corrected_at    TIMESTAMPTZ  NOT NULL
);

-- Sessions a clinician had no free slot for: staff book them by hand.
CREATE TABLE booking_need (
    id            UUID         PRIMARY KEY,
    client_id     UUID         NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    week_start    DATE         NOT NULL,
    clinician_id  VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    resolved_at   TIMESTAMPTZ,
    UNIQUE (client_id, kind, week_start)
);

-- attendance-below-minimum goes out once per client and week.
CREATE TABLE below_minimum_notice (
    client_id   UUID NOT NULL,
    week_start  DATE NOT NULL,
    PRIMARY KEY (client_id, week_start)
);

INSERT INTO program_track (code, name, time_zone, meeting_days, local_start, local_end, capacity, age_group, modality, updated_at) VALUES
 ('MH-IOP-AM',  'Mental health IOP, morning',    'America/New_York', 'MONDAY,WEDNESDAY,FRIDAY',  '09:00', '12:00', 12, 'ADULT', 'IN_PERSON', now()),
 ('MH-IOP-PM',  'Mental health IOP, evening',    'America/New_York', 'MONDAY,WEDNESDAY,FRIDAY',  '18:00', '21:00', 12, 'ADULT', 'IN_PERSON', now()),
 ('SUD-IOP-AM', 'Substance use IOP, morning',    'America/New_York', 'TUESDAY,WEDNESDAY,THURSDAY', '09:00', '12:00', 12, 'ADULT', 'IN_PERSON', now()),
 ('SUD-IOP-PM', 'Substance use IOP, evening',    'America/New_York', 'TUESDAY,WEDNESDAY,THURSDAY', '18:00', '21:00', 12, 'ADULT', 'IN_PERSON', now());

INSERT INTO track_component (track_code, position, component, minutes)
SELECT code, c.position, c.component, c.minutes FROM program_track,
 (VALUES (1, 'GROUP_THERAPY', 90), (2, 'PSYCHOEDUCATION', 45), (3, 'EXPRESSIVE_THERAPY', 45)) AS c (position, component, minutes)
WHERE code LIKE 'MH-%';
INSERT INTO track_component (track_code, position, component, minutes)
SELECT code, c.position, c.component, c.minutes FROM program_track,
 (VALUES (1, 'GROUP_THERAPY', 90), (2, 'PSYCHOEDUCATION', 45), (3, 'SUPPORT_GROUP', 45)) AS c (position, component, minutes)
WHERE code LIKE 'SUD-%';

-- Local run and tests: the clinicians the intake desk enrolls with.
INSERT INTO clinician_availability (clinician_id, day_of_week, local_start, local_end, time_zone) VALUES
 ('clin-ada', 'TUESDAY',  '13:00', '17:00', 'America/New_York'),
 ('clin-ada', 'THURSDAY', '13:00', '17:00', 'America/New_York'),
 ('clin-ben', 'MONDAY',   '13:00', '17:00', 'America/New_York'),
 ('clin-ben', 'FRIDAY',   '13:00', '17:00', 'America/New_York');
