-- What notification-service knows of each client, projected from events only.
CREATE TABLE recipient (
    client_id       UUID         PRIMARY KEY,
    preferred_name  VARCHAR(100),
    phone           VARCHAR(20),
    email           VARCHAR(254),
    time_zone       VARCHAR(64),
    contact_consent BOOLEAN      NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);

-- Every message to a client or to staff. idempotency_key (event x template x channel) makes a
-- redelivered event unable to create a second message.
CREATE TABLE message (
    id                UUID         PRIMARY KEY,
    client_id         UUID         NOT NULL,
    audience          VARCHAR(10)  NOT NULL,
    kind              VARCHAR(40)  NOT NULL,
    channel           VARCHAR(10)  NOT NULL,
    destination       VARCHAR(254) NOT NULL,
    body              VARCHAR(2000) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    idempotency_key   VARCHAR(200) NOT NULL UNIQUE,
    source_event_id   UUID         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    status_changed_at TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX message_client_created ON message (client_id, created_at DESC);
