/** The projection of other services' events: enrollments, sessions, plan reviews and the notices they cause. */
@NullMarked
package org.iopcare.notification.projection;

import org.jspecify.annotations.NullMarked;
