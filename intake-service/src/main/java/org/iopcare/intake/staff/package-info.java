/** The staff directory as the staff apps read it. */
@NullMarked
package org.iopcare.intake.staff;

import org.jspecify.annotations.NullMarked;
