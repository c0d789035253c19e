package org.iopcare.acceptance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.common.hapi.validation.support.CachingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * HAPI's instance validator against the FHIR R4 base profiles (invariants, cardinalities, data
 * types, terminology bindings, references) and the R4 base schema, offline: the code systems and
 * value sets of the R4 specification are checked in memory; a code system it does not have (LOINC,
 * the platform's own {@code https://iopcare.org/fhir/CodeSystem/…}) is reported as a warning that
 * its codes could not be checked, never passed in silence and never an error. Keeps a tally of
 * what it validated and of the warnings and information by kind.
 */
final class FhirProfiles {

    private final FhirContext fhir;
    private final FhirValidator validator;
    private final Map<String, Integer> resources = new TreeMap<>();
    /** Warnings and information by severity and kind (the validator's message id, or its text). */
    private final Map<String, Integer> kinds = new TreeMap<>();

    private final List<String> errors = new ArrayList<>();
    private final Map<String, String> examples = new TreeMap<>();
    private int answers;
    /** Seconds the constructor took. */
    final double buildSeconds;

    /** Loads the R4 structure definitions and validates a first resource: the cost is paid here, once. */
    FhirProfiles(FhirContext fhir) {
        long begin = System.nanoTime();
        this.fhir = fhir;
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
                new UnknownCodeSystemWarningValidationSupport(fhir);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir),
                unknownCodeSystems);
        validator = fhir.newValidator()
                .setValidateAgainstStandardSchema(true)
                .setValidateAgainstStandardSchematron(false)
                .registerValidatorModule(new FhirInstanceValidator(new CachingValidationSupport(chain)));
        validator.validateWithResult(new org.hl7.fhir.r4.model.Patient().setActive(true));
        buildSeconds = (System.nanoTime() - begin) / 1e9;
    }

    /** Validates one answer of the API as it was written (a resource, or a searchset page with its entries). */
    synchronized void validate(String json) {
        Resource answer = (Resource) fhir.newJsonParser().parseResource(json);
        answers++;
        if (answer instanceof Bundle bundle) {
            bundle.getEntry().forEach(e -> resources.merge(e.getResource().fhirType(), 1, Integer::sum));
        } else {
            resources.merge(answer.fhirType(), 1, Integer::sum);
        }
        String name = answer.fhirType() + "/" + answer.getIdPart();
        for (SingleValidationMessage m : validator.validateWithResult(json).getMessages()) {
            String where = name + " " + m.getLocationString() + ": " + m.getMessage();
            if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                errors.add(where);
                continue;
            }
            String kind = m.getSeverity().getCode() + " "
                    + (m.getMessageId() == null
                            ? m.getMessage().replaceAll(" \\(defined in .*", "")
                            : m.getMessageId());
            kinds.merge(kind, 1, Integer::sum);
            examples.putIfAbsent(kind, where);
        }
    }

    /** The errors of one resource, left out of the tally: to show what the validator finds. */
    synchronized List<String> errorsOf(Resource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    /** The errors found, each with the resource and element. */
    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** What was validated and found: a summary line, then one line per kind of warning or information with an example. */
    synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "%d answers, resources %s: %d errors, %d warnings, %d information",
                answers, resources, errors.size(), count("warning"), count("information")));
        kinds.forEach((kind, n) -> lines.add(String.format("%4d %s, e.g. %s", n, kind, examples.get(kind))));
        return lines;
    }

    private int count(String severity) {
        return kinds.entrySet().stream()
                .filter(e -> e.getKey().startsWith(severity + " "))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
