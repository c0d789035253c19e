/** The client sessions projected from scheduling's events. */
@NullMarked
package org.iopcare.notification.session;

import org.jspecify.annotations.NullMarked;
