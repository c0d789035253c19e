-- A discharge whose effective date is still ahead (the client's time zone): the client stays
-- enrolled, reminded and messaged until that day; the one-time task 'discharge-due' (instance: the
-- client id) ends the enrollment at the start of the day. A later enrollment (another enrollment
-- id) before then forgets it.
ALTER TABLE recipient
    ADD COLUMN discharge_on DATE,
    ADD COLUMN discharge_on_enrollment_id UUID,
    ADD COLUMN discharge_on_recorded_at TIMESTAMPTZ;
