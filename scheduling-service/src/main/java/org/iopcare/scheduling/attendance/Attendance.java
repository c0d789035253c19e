package org.iopcare.scheduling.attendance;

/** What was recorded for a client session. */
public enum Attendance {
    PRESENT,
    /** Came late; {@code lateMinutes} says how late. */
    LATE,
    /** Absent with a reason accepted by staff: not a miss. */
    EXCUSED,
    /** Absent, recorded by staff: a miss. */
    ABSENT,
    /** Nothing recorded within the grace period: marked by the sweep, a miss. */
    NO_SHOW;

    boolean isMiss() {
        return this == ABSENT || this == NO_SHOW;
    }
}
