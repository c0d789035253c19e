package org.iopcare.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Correctly signed tokens that the decoder still refuses: no expiry, too long a life, another audience. */
class StaffTokenDecodingTest {

    static final Instant NOW = Instant.parse("2026-03-09T13:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final KeyPair KEYS = keys();
    static final NimbusJwtEncoder ENCODER =
            new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
                    .privateKey((RSAPrivateKey) KEYS.getPrivate())
                    .build())));

    private static JwtDecoder decoder(String audience) {
        JwtProperties properties = new JwtProperties("iopcare", null, publicKeyPem(), audience, Duration.ofHours(12));
        return new SecurityConfiguration().jwtDecoder(properties, CLOCK);
    }

    private static String token(Consumer<JwtClaimsSet.Builder> claims) {
        JwtClaimsSet.Builder builder =
                JwtClaimsSet.builder().issuer("iopcare").subject("staff-1").claim("roles", List.of("CLINICIAN"));
        claims.accept(builder);
        return ENCODER.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
                .getTokenValue();
    }

    @Test
    void acceptsWhatStaffTokensMint() {
        StaffTokens tokens = new StaffTokens(
                (RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate(), "iopcare", "iopcare-api", CLOCK);
        String minted = tokens.mint("staff-1", List.of(StaffRole.CLINICIAN), Duration.ofHours(8));
        assertThat(decoder("iopcare-api").decode(minted).getAudience()).containsExactly("iopcare-api");
        assertThat(decoder(null).decode(minted).getSubject()).isEqualTo("staff-1");
    }

    @Test
    void refusesATokenWithoutExpiry() {
        String noExpiry = token(c -> c.issuedAt(NOW));
        assertThatThrownBy(() -> decoder(null).decode(noExpiry))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void refusesALifetimeAboveTheMaximum() {
        String day = token(c -> c.issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(24))));
        assertThatThrownBy(() -> decoder(null).decode(day))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("lifetime");
        String twelveHours = token(c -> c.issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(12))));
        assertThat(decoder(null).decode(twelveHours).getSubject()).isEqualTo("staff-1");
    }

    @Test
    void withoutIssuedAtTheLifetimeCountsFromNow() {
        String far = token(c -> c.expiresAt(NOW.plus(Duration.ofHours(13))));
        assertThatThrownBy(() -> decoder(null).decode(far)).isInstanceOf(JwtException.class);
        String near = token(c -> c.expiresAt(NOW.plus(Duration.ofHours(1))));
        assertThat(decoder(null).decode(near).getSubject()).isEqualTo("staff-1");
    }

    @Test
    void refusesAnotherOrNoAudienceWhenOneIsRequired() {
        String other = token(
                c -> c.issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).audience(List.of("billing-app")));
        String none = token(c -> c.issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))));
        assertThatThrownBy(() -> decoder("iopcare-api").decode(other))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder("iopcare-api").decode(none)).isInstanceOf(JwtException.class);
        // no audience configured: the claim is not checked
        assertThat(decoder(null).decode(other).getSubject()).isEqualTo("staff-1");
    }

    @Test
    void stillRefusesAnExpiredTokenAndAnotherIssuer() {
        String expired =
                token(c -> c.issuedAt(NOW.minus(Duration.ofHours(2))).expiresAt(NOW.minus(Duration.ofHours(1))));
        assertThatThrownBy(() -> decoder(null).decode(expired)).isInstanceOf(JwtException.class);
        String foreign = token(c -> c.issuer("someone-else").issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))));
        assertThatThrownBy(() -> decoder(null).decode(foreign)).isInstanceOf(JwtException.class);
    }

    private static ByteArrayResource publicKeyPem() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
