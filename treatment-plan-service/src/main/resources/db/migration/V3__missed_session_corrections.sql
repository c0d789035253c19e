-- When scheduling published the miss (its event time): a correction withdraws only misses reported
-- before it, so a session missed again after a correction still counts. NULL for rows recorded before
-- this column existed.
ALTER TABLE missed_session ADD COLUMN reported_at TIMESTAMPTZ;

-- The latest correction of each session. It travels on its own topic, so it can arrive before the
-- miss it corrects; a miss reported before the correction is then not recorded at all.
CREATE TABLE missed_session_correction (
    client_id     UUID         NOT NULL,
    session_id    UUID         NOT NULL,
    corrected_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (client_id, session_id)
);
