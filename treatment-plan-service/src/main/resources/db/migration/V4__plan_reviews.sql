-- A plan review as it was held: who took part, what was decided, which flags it resolved and how it
-- moved the review date. Rows never change (a trigger refuses UPDATE and DELETE).
CREATE TABLE plan_review (
    id             UUID          PRIMARY KEY,
    plan_id        UUID          NOT NULL REFERENCES treatment_plan (id),
    client_id      UUID          NOT NULL,
    reviewed_by    VARCHAR(200)  NOT NULL,
    reviewed_at    TIMESTAMPTZ   NOT NULL,
    participants   JSONB         NOT NULL,
    outcome        VARCHAR(30)   NOT NULL,
    note           VARCHAR(1000) NOT NULL,
    cleared_flags  JSONB         NOT NULL,
    previous_due   DATE          NOT NULL,
    next_due       DATE          NOT NULL,
    CONSTRAINT plan_review_outcome
        CHECK (outcome IN ('KEEP', 'REVISE', 'STEP_UP', 'STEP_DOWN', 'DISCHARGE_PLANNING'))
);
CREATE INDEX plan_review_by_plan ON plan_review (plan_id, reviewed_at);

CREATE TRIGGER plan_review_immutable
    BEFORE UPDATE OR DELETE ON plan_review
    FOR EACH ROW EXECUTE FUNCTION plan_version_is_immutable();
