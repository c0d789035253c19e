package org.iopcare.events;

/** Why a scheduled session was cancelled. */
public enum CancellationReason {
    /** Holiday or clinic closure. */
    CLOSURE,
    /** Staff unavailable. */
    STAFF,
    CLIENT_REQUEST,
    /** The client was discharged; every future session goes. */
    DISCHARGE,
    /** The client moved to another track; the new track's sessions are scheduled separately. */
    TRACK_CHANGE
}
