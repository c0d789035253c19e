/** The program tracks intake enrolls onto, as scheduling announces them. */
@NullMarked
package org.iopcare.intake.track;

import org.jspecify.annotations.NullMarked;
