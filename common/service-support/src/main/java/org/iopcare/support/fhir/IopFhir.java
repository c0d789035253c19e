package org.iopcare.support.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/** The platform's own FHIR naming: code systems, identifier systems, references. */
public final class IopFhir {

    /** Prefix of the platform's code systems ({@code …/CodeSystem/level-of-care}). */
    public static final String CODE_SYSTEM = "https://iopcare.org/fhir/CodeSystem/";

    /** Staff ids (the token subject); staff are referenced by identifier, no Practitioner is served. */
    public static final String STAFF_ID = "https://iopcare.org/fhir/sid/staff";

    /** Client ids, the same as the Patient's id. */
    public static final String CLIENT_ID = "https://iopcare.org/fhir/sid/client";

    public static final String LOINC = "http://loinc.org";

    /** Track codes whose sessions treat substance use disorder: their records carry Part 2 labels. */
    public static final String SUD_TRACK_PREFIX = "SUD-";

    private IopFhir() {}

    public static Reference patient(UUID clientId) {
        return new Reference("Patient/" + clientId);
    }

    /** A logical reference to a staff member. */
    public static Reference staff(String staffId) {
        return new Reference()
                .setType("Practitioner")
                .setIdentifier(new Identifier().setSystem(STAFF_ID).setValue(staffId));
    }

    /** An instant as a FHIR dateTime to the second, in UTC; null stays null. */
    public static DateTimeType dateTime(Instant t) {
        return t == null
                ? null
                : new DateTimeType(Date.from(t), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    /** A FHIR date's instant; null stays null. */
    public static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Whether a track treats substance use disorder (42 CFR Part 2 applies). */
    public static boolean sudTrack(String trackCode) {
        return trackCode != null && trackCode.startsWith(SUD_TRACK_PREFIX);
    }
}
