package org.iopcare.support.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The checks every staff token passes after its signature: issuer, time, lifetime, audience. */
final class StaffTokenValidators {

    private StaffTokenValidators() {}

    static OAuth2TokenValidator<Jwt> of(String issuer, JwtProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(issuer));
        validators.add(new TokenLifetime(properties.maxLifetime(), clock));
        if (properties.audienceRequired()) {
            validators.add(new JwtAudienceValidator(properties.audience()));
        }
        // Spring Security's defaults besides (certificate-bound tokens); the timestamp check is ours.
        return JwtValidators.createDefaultWithValidators(validators);
    }
}
