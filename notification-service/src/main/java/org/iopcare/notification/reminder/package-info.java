/** Session reminders, the welcome message and the weekly digest, as persistent tasks within the send window. */
@NullMarked
package org.iopcare.notification.reminder;

import org.jspecify.annotations.NullMarked;
