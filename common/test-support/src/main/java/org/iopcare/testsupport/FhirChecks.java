package org.iopcare.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the FHIR read API's answers as an integrator would (HAPI's R4 JSON parser) and validates
 * every resource with HAPI's {@link FhirValidator} against the R4 base schema ({@code
 * hapi-fhir-validation-resources-r4}): 0 errors or the test fails. One validator per JVM: loading
 * the schema costs a second or two.
 */
public final class FhirChecks {

    public static final FhirContext FHIR = FhirContext.forR4Cached();

    private static FhirValidator validator;

    private FhirChecks() {}

    public static <R extends Resource> R parse(Class<R> type, String json) {
        return FHIR.newJsonParser().parseResource(type, json);
    }

    /** The resources of a search's bundle, each validated. */
    public static List<Resource> validMatches(String bundleJson) {
        Bundle bundle = parse(Bundle.class, bundleJson);
        assertValid(bundle);
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .toList();
    }

    /** Fails with the validator's messages unless the resource has no error against the R4 base schema. */
    public static void assertValid(Resource resource) {
        assertThat(errors(resource))
                .as("%s/%s against the R4 base", resource.fhirType(), resource.getIdPart())
                .isEmpty();
    }

    /** The validator's errors (and fatal errors) for the resource. */
    public static List<String> errors(Resource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    /** The codes of the resource's security labels. */
    public static Set<String> securityLabels(Resource resource) {
        return resource.getMeta().getSecurity().stream().map(Coding::getCode).collect(Collectors.toSet());
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirValidator v = FHIR.newValidator();
            v.setValidateAgainstStandardSchema(true);
            v.setValidateAgainstStandardSchematron(false);
            validator = v;
        }
        return validator;
    }
}
