/** Clients: enrollment, contact details and consents, search, track transfer and discharge. */
@NullMarked
package org.iopcare.intake.client;

import org.jspecify.annotations.NullMarked;
