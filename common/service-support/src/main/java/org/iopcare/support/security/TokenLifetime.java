package org.iopcare.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say when it expires, and not too far ahead: a correctly signed token without
 * {@code exp} would otherwise be valid forever, and a leaked long-lived one for its whole life.
 * Expiry itself (exp in the past) stays with Spring Security's timestamp validator.
 *
 * <p>The lifetime is {@code exp − iat}, and {@code exp} may also be no further than the maximum
 * from now: Spring Security fills a missing {@code iat} in as {@code exp} minus one second, so
 * only the second check catches a far {@code exp} without {@code iat}.
 */
public final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

    /** As Spring Security's timestamp validator allows: the issuer's clock may run ahead a little. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Duration max;
    private final Clock clock;

    public TokenLifetime(Duration max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        if (expiresAt == null) {
            return refuse("The token has no exp claim");
        }
        Instant issuedAt = token.getIssuedAt();
        boolean tooLong =
                issuedAt != null && Duration.between(issuedAt, expiresAt).compareTo(max) > 0;
        boolean tooFar = Duration.between(Instant.now(clock), expiresAt).compareTo(max.plus(CLOCK_SKEW)) > 0;
        if (tooLong || tooFar) {
            return refuse("The token's lifetime exceeds the accepted maximum");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refuse(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
