-- The video link of a virtual session (session-scheduled / session-rescheduled joinUrl), shown in
-- its welcome, reminders and move notice.
ALTER TABLE client_session ADD COLUMN join_url VARCHAR(500);

-- Sessions a closure or staff cancelled, grouped into one notice per client and local day of
-- telling: notice_date is the client-local day the notice goes out on.
CREATE TABLE cancellation_notice (
    client_id   UUID        NOT NULL,
    notice_date DATE        NOT NULL,
    session_id  UUID        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, session_id)
);

CREATE INDEX cancellation_notice_day ON cancellation_notice (client_id, notice_date);
