/** The staff directory: who the members of staff are, their roles and alert addresses. */
@NullMarked
package org.iopcare.support.staff;

import org.jspecify.annotations.NullMarked;
