package org.iopcare.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerMapping;

class AuditValuesTest {

    @Test
    void aPlainRequestIdIsKeptAndAnyOtherIsStoredAsItsHashWithinTheColumn() {
        assertThat(AuditValues.matching("req-2026.01:abc", AuditValues.REQUEST_ID))
                .isEqualTo("req-2026.01:abc");
        String tooLong = "r".repeat(65);
        String hashed = AuditValues.matching(tooLong, AuditValues.REQUEST_ID);
        assertThat(hashed).startsWith("#").hasSize(41).isEqualTo(AuditValues.hash(tooLong));
        assertThat(AuditValues.matching("Sam Rivera <sam@example.org>", AuditValues.REQUEST_ID))
                .doesNotContain("Sam")
                .hasSizeLessThanOrEqualTo(64);
        assertThat(AuditValues.matching(null, AuditValues.REQUEST_ID)).isNull();
    }

    @Test
    void thirtyOneRolesAreAllKeptAndARoleOfAnyOtherShapeIsHashed() {
        List<SimpleGrantedAuthority> authorities = IntStream.range(0, 31)
                .mapToObj(i -> new SimpleGrantedAuthority("ROLE_PROGRAM_GROUP_NUMBER_" + i))
                .toList();
        String roles = AuditTrail.roles(token(authorities));
        assertThat(roles.split(",")).hasSize(31);
        assertThat(roles).hasSizeGreaterThan(300).hasSizeLessThanOrEqualTo(AuditValues.ROLES_MAX);

        String odd = AuditTrail.roles(token(List.of(new SimpleGrantedAuthority("ROLE_x y\u0000"))));
        assertThat(odd).startsWith("#").doesNotContain("x y");
    }

    @Test
    void pathIdsAreBoundedOneByOne() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                Map.of("id", "3f2c1d9e-6d1b-4c55-9d1e-6a3a1c2b4e5f", "code", "x".repeat(400)));
        String ids = AuditTrail.pathIds(request);
        assertThat(ids).startsWith("code=#").contains("id=3f2c1d9e-6d1b-4c55-9d1e-6a3a1c2b4e5f");
        assertThat(ids).hasSizeLessThanOrEqualTo(AuditValues.PATH_IDS_MAX);
    }

    @Test
    void anActorOrAddressTooLongForItsColumnIsHashed() {
        assertThat(AuditValues.printable("staff-1", AuditValues.ACTOR_MAX)).isEqualTo("staff-1");
        assertThat(AuditValues.printable("s".repeat(201), AuditValues.ACTOR_MAX))
                .startsWith("#");
        assertThat(AuditValues.printable("10.0.0.1\n", AuditValues.REMOTE_ADDR_MAX))
                .startsWith("#");
    }

    private static JwtAuthenticationToken token(List<SimpleGrantedAuthority> authorities) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("staff-1")
                .issuedAt(Instant.now())
                .build();
        return new JwtAuthenticationToken(jwt, authorities);
    }
}
