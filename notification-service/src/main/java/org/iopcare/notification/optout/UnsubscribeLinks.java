package org.iopcare.notification.optout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links: {@code <base>/api/email/unsubscribe?client=<id>&signature=<s>},
 * {@code s} = base64url(HMAC-SHA256(secret, "email-unsubscribe:" + id)). The link names the client
 * by id only and cannot be made for another client without the secret.
 */
@Component
public class UnsubscribeLinks {

    static final String PATH = "/api/email/unsubscribe";

    private final UnsubscribeProperties properties;

    UnsubscribeLinks(UnsubscribeProperties properties) {
        this.properties = properties;
    }

    /** The {@code List-Unsubscribe} header value for an email to this client. */
    public String header(UUID clientId) {
        String link = "<" + link(clientId) + ">";
        return properties.mailto() == null || properties.mailto().isBlank()
                ? link
                : link + ", <mailto:" + properties.mailto() + "?subject=unsubscribe>";
    }

    String link(UUID clientId) {
        String base = properties.baseUrl().endsWith("/")
                ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
                : properties.baseUrl();
        return base + PATH + "?client=" + clientId + "&signature=" + signature(clientId);
    }

    /** Whether {@code signature} is this client's (compared in constant time). */
    boolean valid(UUID clientId, @Nullable String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        signature(clientId).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(UUID clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("email-unsubscribe:" + clientId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
