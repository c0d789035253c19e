package org.iopcare.support.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's API description ({@code /v3/api-docs}, Swagger UI) as each service states it.
 *
 * @param title shown as the API's name; the service's {@code spring.application.name} when unset
 * @param description what the service does, in a sentence or two
 * @param version the service's version (the build fills it in)
 */
@ConfigurationProperties("iopcare.api")
public record ApiProperties(
        String title,
        @DefaultValue("") String description,
        @DefaultValue("unversioned") String version) {}
