/** Work items and staff alerts raised from replies, delivery problems and other services' escalations. */
@NullMarked
package org.iopcare.notification.work;

import org.jspecify.annotations.NullMarked;
