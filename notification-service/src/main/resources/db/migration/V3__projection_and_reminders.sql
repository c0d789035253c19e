-- The enrollment side of a recipient, from enrolled / client-updated / discharged. contact_as_of is
-- the time of the newest enrollment or client update applied: an older event arriving late never
-- overwrites newer contact details or consents.
ALTER TABLE recipient ADD COLUMN enrollment_id UUID;
ALTER TABLE recipient ADD COLUMN primary_clinician_id VARCHAR(100);
ALTER TABLE recipient ADD COLUMN enrolled BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE recipient ADD COLUMN discharged_enrollment_id UUID;
ALTER TABLE recipient ADD COLUMN discharged_at TIMESTAMPTZ;
ALTER TABLE recipient ADD COLUMN contact_as_of TIMESTAMPTZ;

-- The client's sessions, from session-scheduled / -cancelled / -missed. A cancellation or a miss
-- that arrives before its session-scheduled leaves a row with only what it carried.
CREATE TABLE client_session (
    session_id  UUID         PRIMARY KEY,
    client_id   UUID         NOT NULL,
    kind        VARCHAR(30),
    starts_at   TIMESTAMPTZ  NOT NULL,
    ends_at     TIMESTAMPTZ,
    time_zone   VARCHAR(64),
    modality    VARCHAR(20),
    status      VARCHAR(20)  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX client_session_upcoming ON client_session (client_id, starts_at) WHERE status = 'SCHEDULED';

-- Messages held back until the client's send window opens use next_attempt_at (V2); reminders
-- count per client and day for the frequency cap.
CREATE INDEX message_client_kind_created ON message (client_id, kind, created_at);

-- db-scheduler's table (its PostgreSQL definition, 16.x): reminders and welcome messages as
-- persistent one-time tasks, picked by one instance at a time.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
