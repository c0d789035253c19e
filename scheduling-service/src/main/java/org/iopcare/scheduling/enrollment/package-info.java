/** The enrollments a client schedule is built from, as intake publishes them. */
@NullMarked
package org.iopcare.scheduling.enrollment;

import org.jspecify.annotations.NullMarked;
