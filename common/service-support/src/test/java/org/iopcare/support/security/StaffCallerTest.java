package org.iopcare.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class StaffCallerTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theStaffRolesOfTheSignedInStaffMemberWithoutOtherAuthorities() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "dr-okafor",
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_CLINICIAN"),
                                new SimpleGrantedAuthority("ROLE_CLINICAL_SUPERVISOR"),
                                new SimpleGrantedAuthority("SCOPE_patient/*.read"))));

        StaffCaller caller = StaffCaller.current();

        assertThat(caller.subject()).isEqualTo("dr-okafor");
        assertThat(caller.roles()).containsExactlyInAnyOrder("CLINICIAN", "CLINICAL_SUPERVISOR");
        assertThat(caller.has(StaffRole.CLINICIAN)).isTrue();
        assertThat(caller.has(StaffRole.PROGRAM_ADMIN)).isFalse();
    }

    @Test
    void nobodyOutsideARequest() {
        StaffCaller caller = StaffCaller.current();

        assertThat(caller.subject()).isEmpty();
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.has(StaffRole.CLINICIAN)).isFalse();
    }
}
