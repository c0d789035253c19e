package org.iopcare.scheduling.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A weekly window a clinician takes individual sessions and check-ins in, in local time.
 *
 * @param day the weekday
 * @param localStart start of the window
 * @param localEnd end of the window
 * @param zone the zone the local times are in
 */
record AvailabilityWindow(DayOfWeek day, LocalTime localStart, LocalTime localEnd, ZoneId zone) {}
