package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One meeting of a track, holding a roster of client sessions.
 *
 * @param id its id
 * @param trackCode the track
 * @param date local date
 * @param startsAt start
 * @param endsAt end
 * @param capacity seats
 * @param status scheduled or cancelled
 */
record GroupSession(
        UUID id, String trackCode, LocalDate date, Instant startsAt, Instant endsAt, int capacity, String status) {}
