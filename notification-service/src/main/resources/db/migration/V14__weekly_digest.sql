-- The sessions each weekly digest listed, recorded when it was queued: a per-session reminder is
-- not sent for a session its week's digest listed at the same start time.
CREATE TABLE digest_session (
    client_id   UUID        NOT NULL,
    digest_date DATE        NOT NULL,
    session_id  UUID        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, digest_date, session_id)
);
