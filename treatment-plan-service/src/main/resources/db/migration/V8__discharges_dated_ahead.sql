-- A discharge whose effective date is still ahead (clinic time zone): the plan stays open, editable
-- and reviewed until that day; on the day the discharge check closes it and drafts its summary, as
-- a discharge effective at once does. One row per discharged event; a later enrollment of the
-- client (another enrollment id) forgets it, as scheduling does.
CREATE TABLE plan_discharge_due (
    event_id        UUID         PRIMARY KEY,
    client_id       UUID         NOT NULL,
    enrollment_id   UUID         NOT NULL,
    effective_date  DATE         NOT NULL,
    reason          VARCHAR(40)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_discharge_due_by_date ON plan_discharge_due (effective_date);
CREATE INDEX plan_discharge_due_by_client ON plan_discharge_due (client_id);
