package org.iopcare.localtools.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the sandbox provider signs its webhooks, as Twilio does ({@code X-Twilio-Signature}): base64
 * of HMAC-SHA1, keyed with the account's auth token, over the URL called followed by every POST
 * parameter, sorted by name, as name then value. notification-service checks it with its own code
 * ({@code TwilioSignature}), on purpose not this one: the stand-in for the provider signs as the
 * provider documents it, so a mistake in the service's check fails {@code LocalSandboxIT} instead of
 * being shared by both sides.
 */
final class SandboxSignature {

    static final String HEADER = "X-Twilio-Signature";

    private final byte[] key;

    SandboxSignature(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }
}
