-- Work items (org.iopcare.support.work): every signal a service detects becomes owned work with a
-- priority, a due time and a state; URGENT items escalate until someone acknowledges them. The
-- reason is a code and the outcome a code with a bounded note: never clinical free text in a title.
CREATE TABLE work_item (
    id                  UUID         PRIMARY KEY,
    client_id           UUID         NOT NULL,
    kind                VARCHAR(64)  NOT NULL,
    priority            VARCHAR(8)   NOT NULL CHECK (priority IN ('URGENT', 'HIGH', 'NORMAL')),
    -- urgent first: lists sort on it, then on the due time
    priority_rank       SMALLINT     GENERATED ALWAYS AS
                            (CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END) STORED,
    reason_code         VARCHAR(64)  NOT NULL,
    owner_staff_id      VARCHAR(200),
    owner_queue         VARCHAR(40),
    due_at              TIMESTAMPTZ  NOT NULL,
    state               VARCHAR(16)  NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'DONE', 'CANCELLED')),
    outcome_code        VARCHAR(64),
    outcome_note        VARCHAR(500),
    -- the cause: the same cause raised twice finds the first item
    source_key          VARCHAR(200) NOT NULL UNIQUE,
    escalation_step     INTEGER      NOT NULL DEFAULT 0,
    next_escalation_at  TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT work_item_one_owner CHECK ((owner_staff_id IS NULL) <> (owner_queue IS NULL))
);

CREATE INDEX work_item_open_by_rank ON work_item (priority_rank, due_at) WHERE state IN ('OPEN', 'ACKNOWLEDGED');
CREATE INDEX work_item_by_client ON work_item (client_id);
CREATE INDEX work_item_by_owner ON work_item (owner_staff_id, owner_queue);
CREATE INDEX work_item_escalation_due ON work_item (next_escalation_at) WHERE next_escalation_at IS NOT NULL;

CREATE TABLE work_item_history (
    id            BIGSERIAL    PRIMARY KEY,
    work_item_id  UUID         NOT NULL REFERENCES work_item (id),
    at            TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    action        VARCHAR(20)  NOT NULL,
    from_state    VARCHAR(16),
    to_state      VARCHAR(16)  NOT NULL,
    from_owner    VARCHAR(250),
    to_owner      VARCHAR(250),
    note          VARCHAR(500)
);

CREATE INDEX work_item_history_by_item ON work_item_history (work_item_id, id);
