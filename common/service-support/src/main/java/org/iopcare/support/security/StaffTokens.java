package org.iopcare.support.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints staff tokens with an RSA key. Used where the platform is its own issuer: the local run's
 * {@code /dev/tokens} and tests. Production tokens come from the clinic's identity provider.
 */
public class StaffTokens {

    private final NimbusJwtEncoder encoder;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    /**
     * @param audience the {@code aud} the services check ({@code iopcare.security.jwt.audience}); null
     *     or blank: no {@code aud} claim
     */
    public StaffTokens(RSAPublicKey publicKey, RSAPrivateKey privateKey, String issuer, String audience, Clock clock) {
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** A token issued now that expires after {@code lifetime} (services refuse one above their maximum). */
    public String mint(String subject, Collection<StaffRole> roles, Duration lifetime) {
        return mint(subject, roles, lifetime, null);
    }

    /** As {@link #mint(String, Collection, Duration)}, with SMART on FHIR scopes when not null. */
    public String mint(String subject, Collection<StaffRole> roles, Duration lifetime, String scope) {
        Instant now = Instant.now(clock);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("roles", roles.stream().map(Enum::name).toList());
        if (audience != null && !audience.isBlank()) {
            claims.audience(List.of(audience));
        }
        if (scope != null && !scope.isBlank()) {
            claims.claim("scope", scope);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
