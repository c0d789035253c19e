-- Which configured SMS provider accepted a message (primary or fallback): its status lookups and
-- reports belong there.
ALTER TABLE message ADD COLUMN provider VARCHAR(20);
CREATE INDEX message_unknown ON message (status_changed_at) WHERE status = 'UNKNOWN';
