-- A session staff moved (session-rescheduled): its schedule, if it arrives later on its own topic,
-- fills in the rest and keeps the moved time.
ALTER TABLE client_session ADD COLUMN moved boolean NOT NULL DEFAULT false;
