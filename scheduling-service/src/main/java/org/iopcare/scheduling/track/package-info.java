/** Program tracks: their meetings, capacity and components, and their announcement to the other services. */
@NullMarked
package org.iopcare.scheduling.track;

import org.jspecify.annotations.NullMarked;
