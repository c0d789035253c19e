/** scheduling: program tracks, client schedules, sessions and attendance. */
@NullMarked
package org.iopcare.scheduling;

import org.jspecify.annotations.NullMarked;
