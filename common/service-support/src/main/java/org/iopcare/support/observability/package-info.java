/** Tracing and metrics shared by the services: trace parents carried through the outbox, appended-event counts. */
@NullMarked
package org.iopcare.support.observability;

import org.jspecify.annotations.NullMarked;
