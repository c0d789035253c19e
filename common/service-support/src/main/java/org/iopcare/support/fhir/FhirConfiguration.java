package org.iopcare.support.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.iopcare.support.caseload.Caseload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR R4 read API's shared pieces (docs/fhir.md, docs/adr/0006): one {@link FhirContext} per
 * JVM (building its model is expensive) and the JSON answers built with it.
 */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    FhirResponses fhirResponses(FhirContext fhir) {
        return new FhirResponses(fhir);
    }

    @Bean
    FhirReads fhirReads(Caseload caseload, FhirResponses responses) {
        return new FhirReads(caseload, responses);
    }
}
