package org.iopcare.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.iopcare.support.security.PublicEndpoints;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's OpenAPI description: its name, version and purpose, and the staff bearer token
 * required on every operation except the public ones, so Swagger UI's "Authorize" applies a token
 * to every call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiDescriptionConfiguration {

    static final String STAFF_TOKEN = "staff-token";

    @Bean
    OpenAPI serviceApi(ApiProperties api, @Value("${spring.application.name}") String applicationName) {
        String title = api.title() == null || api.title().isBlank() ? applicationName : api.title();
        return new OpenAPI()
                .info(new Info().title(title).version(api.version()).description(api.description()))
                .components(new Components()
                        .addSecuritySchemes(
                                STAFF_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A staff token from the clinic's identity provider;"
                                                + " its roles claim decides what it may do")))
                .addSecurityItem(new SecurityRequirement().addList(STAFF_TOKEN));
    }

    @Bean
    PublicOperations publicOperations(List<PublicEndpoints> publicEndpoints) {
        return new PublicOperations(publicEndpoints);
    }
}
