package org.iopcare.events;

/** Whether clients may be enrolled on a program track. */
public enum TrackStatus {
    /** Open for enrollment. */
    ACTIVE,
    /** Closed for good: no new enrollment; its code is never given to another track. */
    RETIRED
}
