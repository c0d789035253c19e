/** Screenings (ratings, PHQ-9, GAD-7, safety), the level-of-care recommendation and its override. */
@NullMarked
package org.iopcare.intake.screening;

import org.jspecify.annotations.NullMarked;
