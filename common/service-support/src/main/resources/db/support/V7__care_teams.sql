-- Each service's own projection of who is on whose care team (from care-team-changed) and of the
-- emergency-access grants (from emergency-access-granted). The caseload rules read only these.
CREATE TABLE care_team_member (
    client_id          UUID         NOT NULL,
    staff_id           VARCHAR(200) NOT NULL,
    primary_clinician  BOOLEAN      NOT NULL,
    PRIMARY KEY (client_id, staff_id)
);

CREATE INDEX care_team_member_by_staff ON care_team_member (staff_id);

CREATE TABLE emergency_access (
    grant_id    UUID         PRIMARY KEY,
    client_id   UUID         NOT NULL,
    staff_id    VARCHAR(200) NOT NULL,
    granted_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX emergency_access_by_staff ON emergency_access (staff_id, expires_at);
