-- A client moved to another track from a date on (client-transferred): while the row names the
-- client's current track, that track's group sessions are booked from effective_date only, so a
-- client waiting for a seat who is seated early, or a horizon extension, never books the new
-- track's meetings before the transfer takes effect.
CREATE TABLE track_transfer (
    client_id          UUID         PRIMARY KEY,
    previous_track     VARCHAR(40)  NOT NULL,
    track_code         VARCHAR(40)  NOT NULL,
    effective_date     DATE         NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL
);
