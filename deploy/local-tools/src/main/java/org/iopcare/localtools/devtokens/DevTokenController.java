package org.iopcare.localtools.devtokens;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.iopcare.support.security.JwtProperties;
import org.iopcare.support.security.PemKeys;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.security.StaffTokens;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local run's token desk: mints a staff token that every service of the local run accepts.
 * Exists only in the {@code local} profile; everywhere else {@code /dev/**} answers 404.
 */
@RestController
@Profile("local")
class DevTokenController {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final StaffTokens tokens;
    private final Clock clock;

    DevTokenController(JwtProperties jwt, DevTokenProperties properties, Clock clock) {
        this.tokens = new StaffTokens(
                PemKeys.publicKey(jwt.publicKeyLocation()),
                PemKeys.privateKey(properties.privateKeyLocation()),
                jwt.issuer(),
                jwt.audience(),
                clock);
        this.clock = clock;
    }

    /** {@code scope}: optional SMART on FHIR scopes, space separated ({@code user/*.read}). */
    record TokenRequest(
            @NotBlank @Size(max = 100) String subject,
            @NotEmpty Set<StaffRole> roles,

            @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9/*. ]*")
            String scope) {}

    record TokenResponse(String token, Instant expiresAt) {}

    @PostMapping("/dev/tokens")
    TokenResponse mint(@Valid @RequestBody TokenRequest request) {
        return new TokenResponse(
                tokens.mint(request.subject(), request.roles(), LIFETIME, request.scope()),
                Instant.now(clock).plus(LIFETIME));
    }
}
