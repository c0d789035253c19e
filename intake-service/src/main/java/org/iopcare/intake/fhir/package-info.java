/** intake's FHIR R4 read API: Patient, EpisodeOfCare, screening Observations, QuestionnaireResponses, Consents. */
@NullMarked
package org.iopcare.intake.fhir;

import org.jspecify.annotations.NullMarked;
