/** Clients' care teams, the caseload rules of intake, and emergency (break-glass) access. */
@NullMarked
package org.iopcare.intake.careteam;

import org.jspecify.annotations.NullMarked;
