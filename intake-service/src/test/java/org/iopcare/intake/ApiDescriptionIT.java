package org.iopcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.iopcare.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description outside production: who the service is, and the staff token on all but the form. */
class ApiDescriptionIT extends IntakeIT {

    @Test
    void namesTheServiceAndRequiresTheStaffTokenExceptOnThePublicForm() {
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        JsonNode api = docs.json();

        assertThat(api.at("/info/title").asString()).isEqualTo("intake-service");
        assertThat(api.at("/info/version").asString()).isNotBlank().doesNotContain("@");
        assertThat(api.at("/info/description").asString()).contains("Inquiries");

        JsonNode scheme = api.at("/components/securitySchemes/staff-token");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(api.path("security").toString()).isEqualTo("[{\"staff-token\":[]}]");

        JsonNode form = api.at("/paths/~1api~1inquiries/post");
        assertThat(form.isMissingNode()).isFalse();
        assertThat(form.path("security").isArray()).isTrue();
        assertThat(form.path("security")).isEmpty();
        // staff operations inherit the global requirement
        assertThat(api.at("/paths/~1api~1inquiries/get").has("security")).isFalse();
        assertThat(api.at("/paths/~1api~1inquiries~1{id}/patch").has("security"))
                .isFalse();
    }
}
