-- A client's reply with crisis language: flagged for staff (the inbox lists these first).
ALTER TABLE inbox_item ADD COLUMN crisis BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX inbox_item_crisis ON inbox_item (received_at DESC) WHERE crisis;

-- The dispatcher claims due crisis answers before anything else queued.
CREATE INDEX message_crisis_due ON message (created_at) WHERE status = 'QUEUED' AND kind = 'CRISIS_REPLY';

-- Every inquiry this service handled, for the intake team's summary: ids and times only (the
-- summary names no inquirer). summary_period is the period of the summary that counted it; NULL
-- until then. Each row is counted by exactly one summary (the claiming UPDATE locks it).
CREATE TABLE intake_inquiry (
    inquiry_event_id UUID        PRIMARY KEY,
    received_at      TIMESTAMPTZ NOT NULL,
    summary_period   TIMESTAMPTZ
);
CREATE INDEX intake_inquiry_unsummarized ON intake_inquiry (received_at) WHERE summary_period IS NULL;

-- One row per summary period, claimed by whichever instance or run inserts it first: at most one
-- summary email per period, across instances and restarts.
CREATE TABLE intake_summary (
    period_start TIMESTAMPTZ PRIMARY KEY,
    period_end   TIMESTAMPTZ NOT NULL,
    inquiries    INT         NOT NULL,
    since        TIMESTAMPTZ,
    message_id   UUID,
    claimed_at   TIMESTAMPTZ NOT NULL
);
