/** scheduling's FHIR R4 read API: HealthcareService, Appointment, Encounter. */
@NullMarked
package org.iopcare.scheduling.fhir;

import org.jspecify.annotations.NullMarked;
