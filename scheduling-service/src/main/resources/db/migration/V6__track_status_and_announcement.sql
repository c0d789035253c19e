-- A track is ACTIVE or RETIRED (no new enrollment; the code is never reused). announced_at is when
-- its current state was last published on track-changed: NULL for the tracks that existed before
-- the event did, which scheduling announces once when it starts.
ALTER TABLE program_track
    ADD COLUMN status       VARCHAR(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    ADD COLUMN announced_at TIMESTAMPTZ;
CREATE INDEX program_track_unannounced ON program_track (code) WHERE announced_at IS NULL;
