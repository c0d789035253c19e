/** The FHIR R4 read API's shared pieces: reads and searches under the caseload rules, SMART scopes, responses. */
@NullMarked
package org.iopcare.support.fhir;

import org.jspecify.annotations.NullMarked;
