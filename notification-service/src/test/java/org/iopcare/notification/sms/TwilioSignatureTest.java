package org.iopcare.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    // Twilio's documented example: token 12345, this URL and these parameters
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030",
            "Digits", "1234",
            "From", "+12349013030",
            "To", "+18005551212");

    @Test
    void matchesTheProvidersPublishedExample() {
        TwilioSignature signature = new TwilioSignature("12345");
        assertThat(signature.sign(URL, PARAMS)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(signature.matches(URL, PARAMS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
                .isTrue();
    }

    @Test
    void refusesAChangedParameterAWrongKeyOrNoSignature() {
        TwilioSignature signature = new TwilioSignature("12345");
        String good = signature.sign(URL, PARAMS);
        assertThat(signature.matches(URL, Map.of("From", "+10000000000"), good)).isFalse();
        assertThat(new TwilioSignature("other").matches(URL, PARAMS, good)).isFalse();
        assertThat(signature.matches(URL, PARAMS, null)).isFalse();
    }
}
