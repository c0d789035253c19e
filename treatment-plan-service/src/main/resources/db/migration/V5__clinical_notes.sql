-- The client sessions scheduling announced (session-scheduled, session-cancelled): what a note is
-- written for. Attendance comes from missed_session and missed_session_correction.
CREATE TABLE client_session (
    session_id  UUID         PRIMARY KEY,
    client_id   UUID         NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    starts_at   TIMESTAMPTZ  NOT NULL,
    ends_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT client_session_kind CHECK (kind IN ('GROUP', 'INDIVIDUAL_THERAPY', 'CLINICIAN_CHECK_IN'))
);
CREATE INDEX client_session_by_client ON client_session (client_id, starts_at);

-- A cancellation may overtake its session-scheduled (two topics): kept apart, keyed by session.
CREATE TABLE cancelled_session (
    session_id    UUID         PRIMARY KEY,
    client_id     UUID         NOT NULL,
    cancelled_at  TIMESTAMPTZ  NOT NULL
);

-- What staff recorded instead of the miss: EXCUSED is still an absence.
ALTER TABLE missed_session_correction ADD COLUMN corrected_to VARCHAR(10);

-- A group's note: the part written once for the whole group. Each present attendee's note is a
-- clinical_note of its own, in that client's record.
CREATE TABLE group_note (
    id          UUID          PRIMARY KEY,
    starts_at   TIMESTAMPTZ   NOT NULL,
    author      VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    content     JSONB         NOT NULL
);

-- A note in a client's record. Its content lives in immutable versions; once signed no version is
-- added, and corrections are addenda.
CREATE TABLE clinical_note (
    id               UUID          PRIMARY KEY,
    client_id        UUID          NOT NULL,
    plan_id          UUID          NOT NULL REFERENCES treatment_plan (id),
    session_id       UUID          NOT NULL,
    kind             VARCHAR(30)   NOT NULL,
    group_note_id    UUID          REFERENCES group_note (id),
    author           VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    status           VARCHAR(30)   NOT NULL,
    current_version  INTEGER       NOT NULL,
    signed_by        VARCHAR(200),
    signed_at        TIMESTAMPTZ,
    cosigned_by      VARCHAR(200),
    cosigned_at      TIMESTAMPTZ,
    row_version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT clinical_note_kind CHECK (kind IN ('GROUP', 'INDIVIDUAL_THERAPY', 'CLINICIAN_CHECK_IN')),
    CONSTRAINT clinical_note_status CHECK (status IN ('DRAFT', 'PENDING_COSIGNATURE', 'SIGNED')),
    -- one note per client session: a second is a version or an addendum of the first
    CONSTRAINT clinical_note_one_per_session UNIQUE (session_id)
);
CREATE INDEX clinical_note_by_client ON clinical_note (client_id, created_at);
CREATE INDEX clinical_note_by_group ON clinical_note (group_note_id);

CREATE TABLE clinical_note_version (
    note_id     UUID          NOT NULL REFERENCES clinical_note (id),
    number      INTEGER       NOT NULL,
    author      VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    content     JSONB         NOT NULL,
    PRIMARY KEY (note_id, number),
    CONSTRAINT clinical_note_version_from_one CHECK (number >= 1)
);
CREATE TRIGGER clinical_note_version_immutable
    BEFORE UPDATE OR DELETE ON clinical_note_version
    FOR EACH ROW EXECUTE FUNCTION plan_version_is_immutable();

CREATE TABLE clinical_note_addendum (
    id          UUID           PRIMARY KEY,
    note_id     UUID           NOT NULL REFERENCES clinical_note (id),
    author      VARCHAR(200)   NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL,
    text        VARCHAR(4000)  NOT NULL
);
CREATE INDEX clinical_note_addendum_by_note ON clinical_note_addendum (note_id, created_at);
CREATE TRIGGER clinical_note_addendum_immutable
    BEFORE UPDATE OR DELETE ON clinical_note_addendum
    FOR EACH ROW EXECUTE FUNCTION plan_version_is_immutable();
