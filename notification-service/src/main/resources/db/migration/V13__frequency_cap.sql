-- The frequency cap over every non-urgent client message: cap_at is when a message counts (the time
-- it was planned to go out, after any move by the cap); HELD is a message the cap moved to a later
-- time, with the reason in status_detail, released to QUEUED when that time comes.
ALTER TABLE message ADD COLUMN cap_at TIMESTAMPTZ;

CREATE INDEX message_client_cap ON message (client_id, cap_at) WHERE cap_at IS NOT NULL;
CREATE INDEX message_held ON message (next_attempt_at) WHERE status = 'HELD';
