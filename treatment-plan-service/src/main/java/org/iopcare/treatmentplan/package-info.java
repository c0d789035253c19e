/** treatment-plan-service: treatment plans, measurement-based care, plan reviews and the clinical record. */
@NullMarked
package org.iopcare.treatmentplan;

import org.jspecify.annotations.NullMarked;
