-- Idempotency keys of the public inquiry form: the first receipt is replayed for the same key and body.
CREATE TABLE idempotency_key (
    idem_key       VARCHAR(100) PRIMARY KEY,
    request_hash   CHAR(64)     NOT NULL,
    inquiry_id     UUID         NOT NULL REFERENCES inquiry (id),
    status         VARCHAR(20)  NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idempotency_key_expires ON idempotency_key (expires_at);

-- Staff pipeline history: every status change and note on an inquiry.
CREATE TABLE inquiry_note (
    id           UUID          PRIMARY KEY,
    inquiry_id   UUID          NOT NULL REFERENCES inquiry (id),
    from_status  VARCHAR(20),
    to_status    VARCHAR(20),
    note         VARCHAR(2000),
    author       VARCHAR(100)  NOT NULL,
    written_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX inquiry_note_inquiry ON inquiry_note (inquiry_id, written_at);

CREATE TABLE screening (
    id                   UUID         PRIMARY KEY,
    inquiry_id           UUID         NOT NULL REFERENCES inquiry (id),
    client_id            UUID         NOT NULL,
    withdrawal           SMALLINT     NOT NULL,
    biomedical           SMALLINT     NOT NULL,
    emotional            SMALLINT     NOT NULL,
    readiness            SMALLINT     NOT NULL,
    relapse              SMALLINT     NOT NULL,
    environment          SMALLINT     NOT NULL,
    phq9_answers         VARCHAR(40)  NOT NULL,
    gad7_answers         VARCHAR(40)  NOT NULL,
    phq9_score           SMALLINT     NOT NULL,
    phq9_band            VARCHAR(20)  NOT NULL,
    gad7_score           SMALLINT     NOT NULL,
    gad7_band            VARCHAR(20)  NOT NULL,
    current_care         VARCHAR(20)  NOT NULL,
    recent_relapse       BOOLEAN      NOT NULL,
    co_occurring         BOOLEAN      NOT NULL,
    suicidal_intent      BOOLEAN      NOT NULL,
    recent_attempt       BOOLEAN      NOT NULL,
    homicidal_ideation   BOOLEAN      NOT NULL,
    recommended_level    VARCHAR(20)  NOT NULL,
    reason_codes         VARCHAR(1000) NOT NULL,
    urgent               BOOLEAN      NOT NULL,
    decided_level        VARCHAR(20)  NOT NULL,
    override_reason      VARCHAR(2000),
    overridden_by        VARCHAR(100),
    overridden_at        TIMESTAMPTZ,
    screened_by          VARCHAR(100) NOT NULL,
    screened_at          TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX screening_inquiry ON screening (inquiry_id, screened_at DESC);

CREATE TABLE client (
    id                    UUID         PRIMARY KEY,
    first_name            VARCHAR(100) NOT NULL,
    last_name             VARCHAR(100) NOT NULL,
    preferred_name        VARCHAR(100),
    phone                 VARCHAR(20),
    email                 VARCHAR(254),
    time_zone             VARCHAR(64)  NOT NULL,
    sms_consent           BOOLEAN      NOT NULL,
    sms_consent_at        TIMESTAMPTZ  NOT NULL,
    sms_consent_source    VARCHAR(30)  NOT NULL,
    email_consent         BOOLEAN      NOT NULL,
    email_consent_at      TIMESTAMPTZ  NOT NULL,
    email_consent_source  VARCHAR(30)  NOT NULL,
    part2_consent         BOOLEAN      NOT NULL,
    part2_consent_at      TIMESTAMPTZ  NOT NULL,
    part2_consent_source  VARCHAR(30)  NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE enrollment (
    id                      UUID         PRIMARY KEY,
    client_id               UUID         NOT NULL REFERENCES client (id),
    inquiry_id              UUID         NOT NULL REFERENCES inquiry (id),
    screening_id            UUID         NOT NULL REFERENCES screening (id),
    track_code              VARCHAR(40)  NOT NULL,
    start_date              DATE         NOT NULL,
    primary_clinician_id    VARCHAR(100) NOT NULL,
    age_group               VARCHAR(20)  NOT NULL,
    enrolled_by             VARCHAR(100) NOT NULL,
    enrolled_at             TIMESTAMPTZ  NOT NULL,
    discharge_reason        VARCHAR(30),
    discharge_effective     DATE,
    discharge_note          VARCHAR(2000),
    discharged_by           VARCHAR(100),
    discharged_at           TIMESTAMPTZ,
    version                 BIGINT       NOT NULL DEFAULT 0
);
-- One open enrollment per client.
CREATE UNIQUE INDEX enrollment_open_per_client ON enrollment (client_id) WHERE discharged_at IS NULL;
