package org.iopcare.intake.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.iopcare.events.ContactChannel;
import org.junit.jupiter.api.Test;

class FormFingerprintTest {

    static final NewInquiry FORM = new NewInquiry(
            "Sam",
            "Rivera",
            "+16175550123",
            null,
            ContactChannel.SMS,
            true,
            "Feeling stuck lately",
            ReferralSource.SELF);

    private static FormFingerprint keyedWith(String secret) {
        return new FormFingerprint(
                new InquiryProperties(Duration.ofDays(30), Duration.ofHours(24), secret, Duration.ofHours(1)));
    }

    @Test
    void theCanonicalFormHasSortedKeysAndLeavesAbsentFieldsOut() {
        // The record's component order plays no part, and a new optional field left empty
        // does not change the fingerprint of forms that do not use it.
        assertThat(FormFingerprint.canonicalJson(FORM))
                .isEqualTo("{\"contactConsent\":true,\"firstName\":\"Sam\",\"helpWith\":\"Feeling stuck lately\","
                        + "\"lastName\":\"Rivera\",\"phone\":\"+16175550123\",\"preferredChannel\":\"SMS\","
                        + "\"referralSource\":\"SELF\"}");
    }

    @Test
    void theSameFormGivesTheSameFingerprintAndAnotherFormAnother() {
        FormFingerprint fingerprint = keyedWith("operator-secret");
        NewInquiry same = new NewInquiry(
                "Sam",
                "Rivera",
                "+16175550123",
                null,
                ContactChannel.SMS,
                true,
                "Feeling stuck lately",
                ReferralSource.SELF);
        NewInquiry other = new NewInquiry(
                "Sam",
                "Rivera",
                "+16175550124",
                null,
                ContactChannel.SMS,
                true,
                "Feeling stuck lately",
                ReferralSource.SELF);
        assertThat(fingerprint.of(same)).isEqualTo(fingerprint.of(FORM)).hasSize(64);
        assertThat(fingerprint.of(other)).isNotEqualTo(fingerprint.of(FORM));
    }

    @Test
    void withoutTheSecretTheStoredValueCannotBeRecomputed() throws Exception {
        String stored = keyedWith("operator-secret").of(FORM);
        assertThat(keyedWith("another-secret").of(FORM)).isNotEqualTo(stored);
        // neither a plain digest of the canonical form nor of the record's text, which anyone
        // guessing phone numbers could compute
        assertThat(stored)
                .isNotEqualTo(sha256(FormFingerprint.canonicalJson(FORM)))
                .isNotEqualTo(sha256(FORM.toString()))
                .doesNotContain("6175550123");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
