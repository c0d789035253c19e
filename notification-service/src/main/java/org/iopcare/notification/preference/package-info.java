/** A client's message preferences as staff set them: channels, reminder offsets, digest, quiet hours, language. */
@NullMarked
package org.iopcare.notification.preference;

import org.jspecify.annotations.NullMarked;
