package org.iopcare.scheduling.track;

import java.time.Instant;

/**
 * A track was changed (PUT /api/tracks/{code}): published inside the change's transaction, so the
 * schedule re-plans its clients' group sessions in it, or the change rolls back.
 *
 * @param track the track as it is now
 * @param at when it was changed
 */
public record TrackReplaced(ProgramTrack track, Instant at) {}
