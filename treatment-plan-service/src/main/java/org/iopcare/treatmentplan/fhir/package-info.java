/** The FHIR read API: plans as CarePlans with Goals, assessments as Observations, versions as Provenance. */
@NullMarked
package org.iopcare.treatmentplan.fhir;

import org.jspecify.annotations.NullMarked;
