-- Shared by every service, migrated into the service's own schema with its own history table
-- (support_schema_history), so these versions never collide with the service's migrations.

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka
-- after commit, deleted once the broker acknowledged. seq gives commit order per client because
-- writers for the same client serialise on an advisory lock before taking a seq.
CREATE TABLE outbox_event (
    seq          BIGSERIAL    PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(100) NOT NULL,
    event_key    VARCHAR(64)  NOT NULL,
    ce_type      VARCHAR(200) NOT NULL,
    ce_source    VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   VARCHAR(300)
);

-- Idempotent consumers: the event id is claimed in the same transaction as the effect.
CREATE TABLE processed_event (
    consumer      VARCHAR(100) NOT NULL,
    event_id      UUID         NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
