/** scheduling's consumers of other services' events (enrollments, care teams, confirmations). */
@NullMarked
package org.iopcare.scheduling.messaging;

import org.jspecify.annotations.NullMarked;
