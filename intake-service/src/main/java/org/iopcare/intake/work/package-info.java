/** intake's work items: uncontacted inquiries and urgent screenings. */
@NullMarked
package org.iopcare.intake.work;

import org.jspecify.annotations.NullMarked;
