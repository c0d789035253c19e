package org.iopcare.support.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** A service's {@code CapabilityStatement}: the resource types it reads and their searches. */
public final class FhirCapabilities {

    private static final String SMART = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    /** When the read API's capabilities were last changed: the statements' {@code date}. */
    private static final Date PUBLISHED = Date.from(Instant.parse("2026-12-07T00:00:00Z"));

    private FhirCapabilities() {}

    /**
     * What one resource type offers: read, search by these parameters when any, and when {@code
     * vread} reads of past versions ({@code _history/[version]}).
     */
    public record Offered(String type, List<Param> searchParams, boolean vread) {

        /** Read and search, no past versions. */
        public Offered(String type, List<Param> searchParams) {
            this(type, searchParams, false);
        }
    }

    /** A search parameter. */
    public record Param(String name, SearchParamType type, String documentation) {}

    public static Param param(String name, SearchParamType type, String documentation) {
        return new Param(name, type, documentation);
    }

    public static CapabilityStatement of(String service, List<Offered> offered) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setDate(PUBLISHED);
        cs.setPublisher("IOP Care");
        cs.setKind(CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName(service);
        cs.getImplementation()
                .setDescription("IOP Care " + service + " FHIR R4 read API")
                .setUrl(FhirResponses.base());
        cs.setFhirVersion(FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        CapabilityStatementRestComponent rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .setCors(false)
                .setDescription("Staff bearer token (JWT) with SMART on FHIR scopes user/*.read or patient/*.read;"
                        + " the caseload rules apply; every read is audited")
                .addService(new CodeableConcept().addCoding(new Coding(SMART, "SMART-on-FHIR", "SMART-on-FHIR")));
        for (Offered o : offered) {
            CapabilityStatementRestResourceComponent r = rest.addResource().setType(o.type());
            r.addInteraction().setCode(TypeRestfulInteraction.READ);
            if (o.vread()) {
                r.addInteraction().setCode(TypeRestfulInteraction.VREAD);
                r.setVersioning(ResourceVersionPolicy.VERSIONED).setReadHistory(true);
            }
            if (!o.searchParams().isEmpty()) {
                r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            }
            for (Param p : o.searchParams()) {
                r.addSearchParam().setName(p.name()).setType(p.type()).setDocumentation(p.documentation());
            }
        }
        return cs;
    }
}
