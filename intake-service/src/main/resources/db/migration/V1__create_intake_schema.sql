CREATE TABLE inquiry (
    id                 UUID         PRIMARY KEY,
    client_id          UUID         NOT NULL,
    first_name         VARCHAR(100) NOT NULL,
    last_name          VARCHAR(100) NOT NULL,
    phone              VARCHAR(20),
    email              VARCHAR(254),
    preferred_channel  VARCHAR(10)  NOT NULL,
    contact_consent    BOOLEAN      NOT NULL,
    help_with          VARCHAR(2000),
    referral_source    VARCHAR(30)  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    duplicate_of       UUID         REFERENCES inquiry (id),
    received_at        TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT inquiry_has_contact CHECK (phone IS NOT NULL OR email IS NOT NULL)
);

CREATE INDEX inquiry_status_received ON inquiry (status, received_at DESC);
CREATE INDEX inquiry_phone_received ON inquiry (phone, received_at DESC) WHERE phone IS NOT NULL;
CREATE INDEX inquiry_email_received ON inquiry (lower(email), received_at DESC) WHERE email IS NOT NULL;
