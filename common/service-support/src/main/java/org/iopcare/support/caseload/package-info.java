/** Caseload rules: which clients a member of staff may see, from each service's care-team projection. */
@NullMarked
package org.iopcare.support.caseload;

import org.jspecify.annotations.NullMarked;
