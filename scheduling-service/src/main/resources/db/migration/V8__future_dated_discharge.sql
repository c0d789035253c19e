-- A discharge dated ahead: the schedule runs (and is built) up to the day before ends_on, in the
-- track's zone, and ends on that day (seat freed, waitlist promoted) by the daily job.
ALTER TABLE client_schedule ADD COLUMN ends_on DATE;
CREATE INDEX client_schedule_ending ON client_schedule (ends_on) WHERE ends_on IS NOT NULL AND status <> 'ENDED';
