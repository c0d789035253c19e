/** The public inquiry form's rate limit per client address. */
@NullMarked
package org.iopcare.intake.ratelimit;

import org.jspecify.annotations.NullMarked;
