-- Consent per channel. An inquiry's consent to be contacted covers both channels it gave;
-- enrollment and client updates state each one. A STOP reply opts out of SMS until START.
ALTER TABLE recipient ADD COLUMN sms_consent BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE recipient ADD COLUMN email_consent BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE recipient ADD COLUMN sms_opted_out_at TIMESTAMPTZ;
UPDATE recipient SET sms_consent = contact_consent, email_consent = contact_consent;

-- Delivery bookkeeping: when the dispatcher may try next, how often it tried, the provider's id.
ALTER TABLE message ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE message ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE message ADD COLUMN provider_message_id VARCHAR(64);
ALTER TABLE message ADD COLUMN status_detail VARCHAR(200);
CREATE INDEX message_due ON message (created_at) WHERE status = 'QUEUED';
CREATE UNIQUE INDEX message_provider_id ON message (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Every attempt to hand a message to a provider. The row is committed BEFORE the provider is
-- called (in its own transaction), so a crash between the provider's acceptance and the commit of
-- SENT leaves an open attempt behind: the dispatcher then marks the message UNKNOWN instead of
-- sending it a second time. No foreign key: the dispatcher holds the message row lock while the
-- attempt is written, and a key-share lock would wait for it.
CREATE TABLE delivery_attempt (
    id          BIGSERIAL    PRIMARY KEY,
    message_id  UUID         NOT NULL,
    attempt     INT          NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    outcome     VARCHAR(20),
    detail      VARCHAR(200),
    UNIQUE (message_id, attempt)
);

-- Every state a message went through, for staff and operators.
CREATE TABLE message_status_change (
    id          BIGSERIAL    PRIMARY KEY,
    message_id  UUID         NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    detail      VARCHAR(200),
    changed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX message_status_change_message ON message_status_change (message_id, id);

-- Client replies by SMS that staff must see, threaded by client (NULL when the number is unknown).
-- provider_message_id makes a replayed webhook a no-op.
CREATE TABLE inbox_item (
    id                  UUID         PRIMARY KEY,
    client_id           UUID,
    from_number         VARCHAR(20)  NOT NULL,
    kind                VARCHAR(30)  NOT NULL,
    body                VARCHAR(1600) NOT NULL,
    provider_message_id VARCHAR(64)  NOT NULL UNIQUE,
    note                VARCHAR(200),
    received_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inbox_item_received ON inbox_item (received_at DESC);
CREATE INDEX recipient_phone ON recipient (phone);
