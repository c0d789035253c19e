package org.iopcare.events;

/** Why a session was put on a client's schedule. */
public enum BookingReason {
    /** The client's enrollment (or re-enrollment) planned it. */
    ENROLLMENT,
    /** The rolling horizon reached it: the routine booking of the weeks ahead. */
    HORIZON,
    /** A seat in the track came free and the client left its waitlist. */
    WAITLIST_PROMOTION,
    /** The client moved to another track; the new track's meetings from the transfer's day. */
    TRANSFER,
    /** A make-up seat in a group meeting outside the client's usual roster. */
    MAKE_UP,
    /** The client's track changed its meeting days; the meetings of the new days. */
    TRACK_REPLANNED,
    /** A closure was withdrawn; the session it had cancelled takes place again. */
    CLOSURE_WITHDRAWN,
    /** A session that could not be booked earlier found a slot in the clinician's changed hours. */
    NEED_FILLED,
    /** Staff booked it by hand. */
    BOOKED_BY_STAFF
}
