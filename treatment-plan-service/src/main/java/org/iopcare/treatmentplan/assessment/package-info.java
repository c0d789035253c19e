/** PHQ-9 and GAD-7 administrations, their scores and bands, and the trend against a plan's goals. */
@NullMarked
package org.iopcare.treatmentplan.assessment;

import org.jspecify.annotations.NullMarked;
