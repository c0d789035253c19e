/** Treatment plans, their immutable versions, activation, flags, reviews, co-signatures and work items. */
@NullMarked
package org.iopcare.treatmentplan.plan;

import org.jspecify.annotations.NullMarked;
