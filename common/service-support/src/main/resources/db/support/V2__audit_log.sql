-- Who read or changed what through the API, when and from where. Append-only: a trigger refuses
-- every UPDATE and DELETE, whoever asks.
CREATE TABLE audit_log (
    id            BIGSERIAL    PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor         VARCHAR(200) NOT NULL,
    roles         VARCHAR(300) NOT NULL,
    action        VARCHAR(10)  NOT NULL,
    http_method   VARCHAR(10)  NOT NULL,
    path_pattern  VARCHAR(300) NOT NULL,
    path_ids      VARCHAR(500) NOT NULL,
    status        INTEGER      NOT NULL,
    remote_addr   VARCHAR(64)  NOT NULL,
    request_id    VARCHAR(64)
);

CREATE INDEX audit_log_occurred ON audit_log (occurred_at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
