-- A cancelled session no longer holds its seat or its planned week: re-planning after a track
-- change (or a re-enrollment) books the same group session or week again.
DROP INDEX client_session_group_seat;
DROP INDEX client_session_planned;
CREATE UNIQUE INDEX client_session_group_seat ON client_session (client_id, group_session_id)
    WHERE group_session_id IS NOT NULL AND status <> 'CANCELLED';
CREATE UNIQUE INDEX client_session_planned ON client_session (client_id, kind, plan_week)
    WHERE plan_week IS NOT NULL AND status <> 'CANCELLED';
CREATE INDEX client_session_group ON client_session (group_session_id) WHERE group_session_id IS NOT NULL;
