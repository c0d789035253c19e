package org.iopcare.support.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How staff tokens are verified.
 *
 * @param issuer the {@code iss} every accepted token must carry (with a public key; with an issuer
 *     URI the token's {@code iss} must be that URI)
 * @param issuerUri an OpenID provider to fetch signing keys from (production); wins over the key
 * @param publicKeyLocation a PEM RSA public key (the local run and tests)
 * @param audience when set, every accepted token must name it in {@code aud} (required in
 *     production); the local run's and tests' tokens carry it too when it is set
 * @param maxLifetime the longest lifetime a token may claim ({@code exp − iat}, or {@code exp − now}
 *     without {@code iat}); a token without {@code exp} is always refused
 */
@ConfigurationProperties("iopcare.security.jwt")
public record JwtProperties(
        @DefaultValue("iopcare") String issuer,
        String issuerUri,
        Resource publicKeyLocation,
        String audience,
        @DefaultValue("12h") Duration maxLifetime) {

    /** Whether tokens must carry an audience. */
    public boolean audienceRequired() {
        return audience != null && !audience.isBlank();
    }
}
