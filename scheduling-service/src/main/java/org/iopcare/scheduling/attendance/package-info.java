/** Attendance: recording it, the missed-session sweep, weekly minimums and client confirmations. */
@NullMarked
package org.iopcare.scheduling.attendance;

import org.jspecify.annotations.NullMarked;
