-- The program tracks scheduling publishes on track-changed: enrollment accepts only an ACTIVE one.
-- changed_at is the occurredAt of the event the row holds; an older event never replaces a newer one.
CREATE TABLE known_track (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    status      VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    changed_at  TIMESTAMPTZ  NOT NULL
);
