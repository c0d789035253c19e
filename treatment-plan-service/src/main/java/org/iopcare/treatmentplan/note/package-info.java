/** The clinical record: group and progress notes, discharge summaries, their versions, signatures and addenda. */
@NullMarked
package org.iopcare.treatmentplan.note;

import org.jspecify.annotations.NullMarked;
