/** Email unsubscribe: signed links, the List-Unsubscribe header and the opt-out it records and publishes. */
@NullMarked
package org.iopcare.notification.optout;

import org.jspecify.annotations.NullMarked;
