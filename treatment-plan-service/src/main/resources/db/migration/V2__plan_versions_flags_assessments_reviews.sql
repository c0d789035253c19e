-- A discharged client may enroll again: at most one plan per client that is not CLOSED, any
-- number of closed ones kept as the record.
ALTER TABLE treatment_plan DROP CONSTRAINT treatment_plan_one_per_client;
CREATE UNIQUE INDEX treatment_plan_one_open_per_client ON treatment_plan (client_id) WHERE status <> 'CLOSED';
CREATE INDEX treatment_plan_by_client ON treatment_plan (client_id, opened_at DESC);
CREATE INDEX treatment_plan_review_due ON treatment_plan (next_review_due) WHERE status <> 'CLOSED';

ALTER TABLE treatment_plan
    ADD COLUMN current_version        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN active_version         INTEGER,
    ADD COLUMN activated_at           TIMESTAMPTZ,
    ADD COLUMN acknowledged_at        TIMESTAMPTZ,
    ADD COLUMN acknowledgement_method VARCHAR(30),
    ADD COLUMN closed_at              TIMESTAMPTZ;

-- Every change to a plan's content is a new row; the content is one JSONB document per version
-- (problems > goals > objectives, interventions), read and written whole. Rows never change.
CREATE TABLE plan_version (
    plan_id     UUID         NOT NULL REFERENCES treatment_plan (id),
    number      INTEGER      NOT NULL,
    based_on    INTEGER      NOT NULL,
    author      VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    content     JSONB        NOT NULL,
    PRIMARY KEY (plan_id, number),
    CONSTRAINT plan_version_from_one CHECK (number >= 1),
    CONSTRAINT plan_version_linear CHECK (based_on = number - 1)
);

CREATE FUNCTION plan_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'plan_version rows are immutable';
END $$;

CREATE TRIGGER plan_version_immutable
    BEFORE UPDATE OR DELETE ON plan_version
    FOR EACH ROW EXECUTE FUNCTION plan_version_is_immutable();

-- Why a plan needs review. One open flag per plan and reason: a second cause for the same reason
-- while the first is unresolved raises nothing new. Activation (a review) and closing clear them.
CREATE TABLE plan_flag (
    id          BIGSERIAL    PRIMARY KEY,
    plan_id     UUID         NOT NULL REFERENCES treatment_plan (id),
    reason      VARCHAR(40)  NOT NULL,
    urgent      BOOLEAN      NOT NULL,
    raised_at   TIMESTAMPTZ  NOT NULL,
    cleared_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX plan_flag_open_once ON plan_flag (plan_id, reason) WHERE cleared_at IS NULL;

-- Missed sessions as scheduling reported them, one row per session whatever the redeliveries,
-- so the "n within a window" rule counts sessions, not events.
CREATE TABLE missed_session (
    client_id   UUID         NOT NULL,
    session_id  UUID         NOT NULL,
    starts_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (client_id, session_id)
);
CREATE INDEX missed_session_by_time ON missed_session (client_id, starts_at);

-- PHQ-9 / GAD-7 administrations, scored and banded by this service.
CREATE TABLE assessment (
    id              UUID         PRIMARY KEY,
    client_id       UUID         NOT NULL,
    plan_id         UUID         NOT NULL REFERENCES treatment_plan (id),
    instrument      VARCHAR(10)  NOT NULL,
    answers         SMALLINT[]   NOT NULL,
    total           SMALLINT     NOT NULL,
    band            VARCHAR(30)  NOT NULL,
    administered_at TIMESTAMPTZ  NOT NULL,
    recorded_by     VARCHAR(200) NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT assessment_instrument CHECK (instrument IN ('PHQ9', 'GAD7'))
);
CREATE INDEX assessment_by_plan ON assessment (plan_id, instrument, administered_at);

-- One REVIEW_DUE publication per plan and due date, whichever instance's daily job gets there first.
CREATE TABLE plan_review_notice (
    plan_id      UUID         NOT NULL REFERENCES treatment_plan (id),
    due_date     DATE         NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (plan_id, due_date)
);
