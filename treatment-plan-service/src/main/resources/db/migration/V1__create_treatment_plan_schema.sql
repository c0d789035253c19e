-- One plan per client, opened as a DRAFT when the client is enrolled. Its versions, problems,
-- goals, objectives, interventions and assessments get their own tables (plan_version,
-- plan_problem, plan_goal, plan_objective, plan_intervention, assessment) as they are built.
CREATE TABLE treatment_plan (
    id                    UUID         PRIMARY KEY,
    client_id             UUID         NOT NULL,
    enrollment_id         UUID         NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    primary_clinician_id  VARCHAR(100) NOT NULL,
    start_date            DATE         NOT NULL,
    opened_at             TIMESTAMPTZ  NOT NULL,
    next_review_due       DATE         NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    -- the processed_event claim keeps redeliveries out; this keeps a second plan out whatever happens
    CONSTRAINT treatment_plan_one_per_client UNIQUE (client_id),
    CONSTRAINT treatment_plan_status CHECK (status IN ('DRAFT', 'ACTIVE', 'REVIEW_REQUIRED', 'CLOSED'))
);

