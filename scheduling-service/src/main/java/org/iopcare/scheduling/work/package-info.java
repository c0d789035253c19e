/** scheduling's work items: booking needs and attendance below the weekly minimum. */
@NullMarked
package org.iopcare.scheduling.work;

import org.jspecify.annotations.NullMarked;
