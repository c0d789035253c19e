package org.iopcare.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.security.StaffTokens;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Staff tokens for tests, signed by a key pair made for this test JVM, for the audience the
 * services under test require ({@link Infrastructure#register}).
 */
public final class TestTokens {

    /** The {@code aud} every service under test requires, as production requires its own. */
    public static final String AUDIENCE = "iopcare-staff-api";

    private static final KeyPair KEYS = generate();
    /**
     * The clock tokens are issued by: the system's, or a web slice's fixed one while its tests run
     * ({@link WebSliceTest}), so a token is as fresh as the service under test sees it whatever the
     * day the build runs.
     */
    private static volatile Clock issuing = Clock.systemUTC();

    private static volatile StaffTokens tokens = tokensAt(issuing);
    private static String publicKeyLocation;
    private static String privateKeyLocation;

    private TestTokens() {}

    /** Issues the tokens from now on at {@code clock}'s time (the system's again with {@code Clock.systemUTC()}). */
    public static void issueAt(Clock clock) {
        issuing = clock;
        tokens = tokensAt(clock);
    }

    private static StaffTokens tokensAt(Clock clock) {
        return new StaffTokens(
                (RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate(), "iopcare", AUDIENCE, clock);
    }

    /** An {@code Authorization} header value for a staff member holding these roles. */
    public static String bearer(StaffRole... roles) {
        return "Bearer " + tokens.mint("staff-test", List.of(roles), Duration.ofMinutes(30));
    }

    /** An {@code Authorization} header value for this staff subject holding these roles. */
    public static String bearerFor(String subject, StaffRole... roles) {
        return "Bearer " + tokens.mint(subject, List.of(roles), Duration.ofMinutes(30));
    }

    /**
     * A trusted token for this subject whose {@code roles} claim holds these names as given (staff
     * roles or any others), for tests of what a service does with unusual tokens.
     */
    public static String bearerWithRoleNames(String subject, List<String> roleNames) {
        return bearerWithClaims(subject, roleNames, Map.of());
    }

    /**
     * A trusted token for this subject with these staff roles and SMART on FHIR scopes (the {@code
     * scope} claim, space separated), for the FHIR read API.
     */
    public static String smartBearerFor(String subject, String scope, StaffRole... roles) {
        return bearerWithClaims(subject, Arrays.stream(roles).map(Enum::name).toList(), Map.of("scope", scope));
    }

    /** A trusted token for this subject with these role names and further claims (a SMART {@code patient}). */
    public static String bearerWithClaims(String subject, List<String> roleNames, Map<String, Object> extra) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
                .privateKey((RSAPrivateKey) KEYS.getPrivate())
                .build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        Instant now = Instant.now(issuing);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer("iopcare")
                .subject(subject)
                .audience(List.of(AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(30)))
                .claim("roles", roleNames)
                .claims(c -> c.putAll(extra))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return "Bearer "
                + encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** A token signed by a key no service trusts. */
    public static String foreignBearer(StaffRole... roles) {
        KeyPair other = generate();
        StaffTokens foreign = new StaffTokens(
                (RSAPublicKey) other.getPublic(),
                (RSAPrivateKey) other.getPrivate(),
                "iopcare",
                AUDIENCE,
                Clock.systemUTC());
        return "Bearer " + foreign.mint("intruder", List.of(roles), Duration.ofMinutes(5));
    }

    static synchronized String publicKeyLocation() {
        if (publicKeyLocation == null) {
            publicKeyLocation = writePem("PUBLIC KEY", KEYS.getPublic().getEncoded());
        }
        return publicKeyLocation;
    }

    /** The private half as a PKCS#8 PEM file, for services that mint tokens themselves. */
    public static synchronized String privateKeyLocation() {
        if (privateKeyLocation == null) {
            privateKeyLocation = writePem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
        }
        return privateKeyLocation;
    }

    private static String writePem(String label, byte[] der) {
        try {
            Path file = Files.createTempFile("iopcare-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN " + label + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END " + label + "-----\n";
            Files.writeString(file, pem);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
