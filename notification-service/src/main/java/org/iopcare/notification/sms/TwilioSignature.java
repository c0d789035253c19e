package org.iopcare.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The Twilio webhook signature ({@code X-Twilio-Signature}): base64 of HMAC-SHA1, keyed with the
 * account's auth token, over the full URL the provider called followed by every POST parameter,
 * sorted by name, as name then value.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private final byte[] key;

    public TwilioSignature(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String url, Map<String, String> parameters) {
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

    /** Constant-time comparison, so the answer time tells nothing about the expected signature. */
    public boolean matches(String url, Map<String, String> parameters, @Nullable String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(url, parameters).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
