/** intake: inquiries, screening, level of care, enrollment and discharge. */
@NullMarked
package org.iopcare.intake;

import org.jspecify.annotations.NullMarked;
