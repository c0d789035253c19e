/** Messages: templates and their languages, queueing under the frequency cap and quiet hours, the staff message API. */
@NullMarked
package org.iopcare.notification.message;

import org.jspecify.annotations.NullMarked;
