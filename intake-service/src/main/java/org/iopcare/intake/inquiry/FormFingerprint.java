package org.iopcare.intake.inquiry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the idempotency table keeps of a form: an HMAC-SHA256, keyed with a secret of the service,
 * over the form's canonical JSON (keys sorted at every level, absent fields left out). Keyed, so
 * the stored value cannot be matched against guessed forms (a phone number has few enough
 * possibilities to try them all); canonical, so the same form gives the same value whatever the
 * order of the record's components or a new optional field.
 */
@Component
class FormFingerprint {

    private static final String ALGORITHM = "HmacSHA256";

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final SecretKeySpec key;

    FormFingerprint(InquiryProperties properties) {
        this.key = new SecretKeySpec(properties.fingerprintSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String of(NewInquiry form) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonicalJson(form).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Through a map, so the order is the keys' and not the record's. */
    static String canonicalJson(Object form) {
        Map<?, ?> fields = CANONICAL.convertValue(form, Map.class);
        return CANONICAL.writeValueAsString(fields);
    }
}
