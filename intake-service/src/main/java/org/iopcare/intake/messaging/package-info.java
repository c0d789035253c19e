/** intake's consumers of other services' events (contact consent, program tracks). */
@NullMarked
package org.iopcare.intake.messaging;

import org.jspecify.annotations.NullMarked;
