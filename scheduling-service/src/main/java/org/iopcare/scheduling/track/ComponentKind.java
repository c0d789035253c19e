package org.iopcare.scheduling.track;

/** What a part of a track meeting is. */
public enum ComponentKind {
    GROUP_THERAPY,
    PSYCHOEDUCATION,
    SUPPORT_GROUP,
    /** Art, mindfulness, movement. */
    EXPRESSIVE_THERAPY
}
