package org.iopcare.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client is falling behind the weekly attendance minimum of their level of care while a make-up
 * is still possible this week. Published at most once per client and week.
 *
 * @param eventId unique per event
 * @param occurredAt when the shortfall was detected
 * @param clientId the client
 * @param weekStart the Monday of the week concerned, in the track's time zone
 * @param attendedMinutes minutes attended so far this week
 * @param requiredMinutes what the week requires: the weekly minimum (540 for adults, 360 for adolescents in
 *     IOP), prorated by the meeting days the client could attend (a program starting mid-week, closed days)
 * @param stillPossibleMinutes minutes of sessions still scheduled for the client this week
 */
public record AttendanceBelowMinimum(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        LocalDate weekStart,
        int attendedMinutes,
        int requiredMinutes,
        int stillPossibleMinutes)
        implements IntegrationEvent {}
