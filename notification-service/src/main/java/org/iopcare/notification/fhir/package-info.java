/** The FHIR read API: a Communication per message, never its text or destination. */
@NullMarked
package org.iopcare.notification.fhir;

import org.jspecify.annotations.NullMarked;
