-- The sessions a notice gathers per client and client-local day of telling now serve two notices:
-- the cancellations a closure or staff made (SESSION_CANCELLED) and the sessions a transfer booked
-- (SCHEDULE_CHANGED). kind says which notice a row belongs to.
ALTER TABLE cancellation_notice RENAME TO session_notice;
ALTER TABLE session_notice ADD COLUMN kind VARCHAR(30) NOT NULL DEFAULT 'SESSION_CANCELLED';
ALTER TABLE session_notice ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE session_notice DROP CONSTRAINT cancellation_notice_pkey;
ALTER TABLE session_notice ADD PRIMARY KEY (client_id, kind, session_id);
DROP INDEX cancellation_notice_day;
CREATE INDEX session_notice_day ON session_notice (client_id, kind, notice_date);
