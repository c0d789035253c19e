-- The closure that cancelled a session, so that withdrawing the closure books exactly those again.
ALTER TABLE client_session ADD COLUMN closure_id UUID;
CREATE INDEX client_session_by_closure ON client_session (closure_id) WHERE closure_id IS NOT NULL;
