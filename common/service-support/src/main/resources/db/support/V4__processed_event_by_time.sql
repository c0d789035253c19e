-- The retention purge finds claims older than the retention by time.
CREATE INDEX processed_event_by_time ON processed_event (processed_at);
