-- Who is on each client's care team, with their role on it. The primary clinician comes from the
-- enrollment; intake coordinators and administrators change the rest. Every change is published on
-- care-team-changed (the complete team), from which every service projects its caseload rules.
CREATE TABLE care_team (
    client_id          UUID         NOT NULL,
    staff_id           VARCHAR(200) NOT NULL,
    team_role          VARCHAR(40)  NOT NULL,
    added_at           TIMESTAMPTZ  NOT NULL,
    added_by           VARCHAR(200) NOT NULL,
    PRIMARY KEY (client_id, staff_id)
);

-- Break-glass: a clinician opened a record outside their caseload, with a written reason, until
-- expires_at. The reason stays here; the event carries only ids and times.
CREATE TABLE emergency_access_grant (
    id          UUID          PRIMARY KEY,
    client_id   UUID          NOT NULL,
    staff_id    VARCHAR(200)  NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    granted_at  TIMESTAMPTZ   NOT NULL,
    expires_at  TIMESTAMPTZ   NOT NULL
);

CREATE INDEX emergency_access_grant_by_client ON emergency_access_grant (client_id, granted_at);
CREATE INDEX emergency_access_grant_by_time ON emergency_access_grant (granted_at);
