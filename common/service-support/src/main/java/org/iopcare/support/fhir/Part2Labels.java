package org.iopcare.support.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * The 42 CFR Part 2 security labels on a resource derived from substance use disorder treatment
 * ({@code meta.security}): confidentiality restricted ({@code R}), the ethics-sensitivity code
 * {@code ETH} (substance abuse information) and the privacy policy {@code 42CFRPart2}. A receiver
 * must not redisclose such a resource without the patient's Part 2 consent.
 */
public final class Part2Labels {

    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private Part2Labels() {}

    /** Labels the resource when {@code sud} says it comes from SUD treatment; returns it. */
    public static <R extends Resource> R apply(R resource, boolean sud) {
        if (sud) {
            resource.getMeta().addSecurity(CONFIDENTIALITY, "R", "restricted");
            resource.getMeta().addSecurity(ACT_CODE, "ETH", "substance abuse information sensitivity");
            resource.getMeta().addSecurity(ACT_CODE, "42CFRPart2", "42 CFR Part2");
        }
        return resource;
    }
}
