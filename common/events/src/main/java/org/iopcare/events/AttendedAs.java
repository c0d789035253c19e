package org.iopcare.events;

/** Attendance that is not a miss. */
public enum AttendedAs {
    /** Attended the session. */
    PRESENT,
    /** Attended, arriving late. */
    LATE,
    /** Absent with a reason staff accepted. */
    EXCUSED
}
