package org.iopcare.support.fhir;

import java.util.List;

/**
 * The parameters every FHIR search takes ({@link FhirSearch}); a handler binds them as one
 * parameter object and adds its own ({@code code}).
 *
 * @param patient {@code Patient/<id>} or {@code <id>}, required
 * @param date {@code [eq|ge|gt|le|lt]YYYY-MM-DD} or a dateTime with its offset, repeatable
 * @param _count the page size, at most {@link FhirSearch#MAX_COUNT}
 * @param _offset how many matches to skip (the next link sets it)
 */
@SuppressWarnings("checkstyle:RecordComponentName")
public record SearchParams(String patient, List<String> date, Integer _count, Integer _offset) {}
