-- The channel an inquirer asked to be contacted on (inquiry-received): the default channel of their
-- messages once enrolled. NULL: never told (every reachable channel).
ALTER TABLE recipient ADD COLUMN preferred_channel VARCHAR(10);

-- A client's own choices about messages, set by staff (GET/PUT /api/clients/{id}/preferences).
-- No row: the defaults. Codes and times only.
CREATE TABLE client_preference (
    client_id        UUID         PRIMARY KEY,
    -- SMS, EMAIL or BOTH; NULL: the client's preferred channel
    channels         VARCHAR(10),
    -- ISO-8601 durations, comma separated, each from the clinic's allowed set; NULL: the clinic's offsets
    reminder_offsets VARCHAR(200),
    weekly_digest    BOOLEAN      NOT NULL,
    quiet_start      TIME,
    quiet_end        TIME,
    language         VARCHAR(8)   NOT NULL,
    version          BIGINT       NOT NULL,
    changed_by       VARCHAR(200) NOT NULL,
    changed_at       TIMESTAMPTZ  NOT NULL
);

-- Every change of a client's preferences: who, when and what (field names and codes).
CREATE TABLE client_preference_change (
    id         BIGSERIAL     PRIMARY KEY,
    client_id  UUID          NOT NULL,
    version    BIGINT        NOT NULL,
    changed_by VARCHAR(200)  NOT NULL,
    changed_at TIMESTAMPTZ   NOT NULL,
    changes    VARCHAR(1000) NOT NULL
);
CREATE INDEX client_preference_change_client ON client_preference_change (client_id, id DESC);
