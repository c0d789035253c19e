package org.iopcare.intake.careteam;

/** A staff member's role on one client's care team (not their staff role in the clinic). */
public enum TeamRole {
    PRIMARY_CLINICIAN,
    CLINICIAN,
    GROUP_FACILITATOR,
    CASE_MANAGER,
    PSYCHIATRIC_PROVIDER,
    PEER_SUPPORT,
    SUPERVISOR
}
