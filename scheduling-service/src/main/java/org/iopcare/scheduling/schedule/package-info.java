/** Client schedules and sessions: building and extending them, bookings, make-ups, reschedules, closures and clinicians' availability. */
@NullMarked
package org.iopcare.scheduling.schedule;

import org.jspecify.annotations.NullMarked;
