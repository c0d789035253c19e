-- What scheduling knows of each enrolled client, projected from `enrolled` events. One row per
-- client: a later enrollment (another track, start date or clinician) replaces the earlier one.
-- Tracks, group sessions, rosters, client sessions and attendance get their own tables
-- (program_track, group_session, roster_entry, client_session, attendance) as they are built.
CREATE TABLE client_enrollment (
    client_id             UUID         PRIMARY KEY,
    enrollment_id         UUID         NOT NULL,
    track_code            VARCHAR(40)  NOT NULL,
    start_date            DATE         NOT NULL,
    primary_clinician_id  VARCHAR(100) NOT NULL,
    age_group             VARCHAR(20)  NOT NULL,
    time_zone             VARCHAR(64)  NOT NULL,
    enrolled_at           TIMESTAMPTZ  NOT NULL,
    recorded_at           TIMESTAMPTZ  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0
);
