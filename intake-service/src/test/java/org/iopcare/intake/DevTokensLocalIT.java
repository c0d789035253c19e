package org.iopcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In the local profile, /dev/tokens mints tokens that the services accept. */
@ActiveProfiles("local")
class DevTokensLocalIT extends IntakeIT {

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) {
        registry.add("iopcare.devtokens.private-key-location", TestTokens::privateKeyLocation);
    }

    @Test
    void mintsAStaffTokenThatOpensTheApi() {
        Response minted =
                http.postJson("/dev/tokens", null, "{\"subject\":\"dana\",\"roles\":[\"INTAKE_COORDINATOR\"]}");
        assertThat(minted.status()).isEqualTo(200);
        String token = minted.json().get("token").asString();

        assertThat(http.get("/api/inquiries", "Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void refusesUnknownRolesAndEmptyRequests() {
        assertThat(http.postJson("/dev/tokens", null, "{\"subject\":\"dana\",\"roles\":[\"JANITOR\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson("/dev/tokens", null, "{\"subject\":\"\",\"roles\":[]}")
                        .status())
                .isEqualTo(400);
    }
}
