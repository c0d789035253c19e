/** The plan's reactions to attendance: missed sessions, corrected misses and low attendance flag it. */
@NullMarked
package org.iopcare.treatmentplan.reaction;

import org.jspecify.annotations.NullMarked;
