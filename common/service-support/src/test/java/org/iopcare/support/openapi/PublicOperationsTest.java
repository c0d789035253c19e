package org.iopcare.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import org.iopcare.support.security.PublicEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class PublicOperationsTest {

    @Test
    void theServiceApiRequiresTheStaffTokenAndNamesTheService() {
        OpenAPI api = new ApiDescriptionConfiguration()
                .serviceApi(new ApiProperties(null, "Inquiries and enrollment", "1.2.3"), "intake-service");
        assertThat(api.getInfo().getTitle()).isEqualTo("intake-service");
        assertThat(api.getInfo().getVersion()).isEqualTo("1.2.3");
        assertThat(api.getInfo().getDescription()).isEqualTo("Inquiries and enrollment");
        assertThat(api.getComponents().getSecuritySchemes().get(ApiDescriptionConfiguration.STAFF_TOKEN))
                .satisfies(scheme -> {
                    assertThat(scheme.getScheme()).isEqualTo("bearer");
                    assertThat(scheme.getBearerFormat()).isEqualTo("JWT");
                });
        assertThat(api.getSecurity())
                .singleElement()
                .satisfies(requirement -> assertThat(requirement).containsKey(ApiDescriptionConfiguration.STAFF_TOKEN));
    }

    @Test
    void onlyTheDeclaredPublicOperationsNeedNoToken() {
        Operation form = new Operation();
        Operation list = new Operation();
        Operation webhook = new Operation();
        OpenAPI api = new OpenAPI()
                .paths(new Paths()
                        .addPathItem("/api/inquiries", new PathItem().post(form).get(list))
                        .addPathItem("/api/sms/inbound", new PathItem().post(webhook)));

        new PublicOperations(List.of(
                        PublicEndpoints.of(HttpMethod.POST, "/api/inquiries"),
                        PublicEndpoints.of(HttpMethod.POST, "/api/sms/**")))
                .customise(api);

        assertThat(form.getSecurity()).isEmpty();
        assertThat(webhook.getSecurity()).isEmpty();
        // null: the global requirement (the staff token) applies
        assertThat(list.getSecurity()).isNull();
    }
}
