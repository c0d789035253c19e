-- A client's one-click unsubscribe from email (RFC 8058, signed link): kept apart from the consent
-- the client updates carry, so a later update does not undo it (as sms_opted_out_at for STOP).
ALTER TABLE recipient ADD COLUMN email_opted_out_at TIMESTAMPTZ;
