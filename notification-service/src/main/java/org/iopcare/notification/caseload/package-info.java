/** Emergency access grants: recorded in the caseload projection and announced to the clinical supervisors. */
@NullMarked
package org.iopcare.notification.caseload;

import org.jspecify.annotations.NullMarked;
