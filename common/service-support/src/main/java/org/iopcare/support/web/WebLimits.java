package org.iopcare.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body a service reads (JSON or any other type); a
 *     larger one is answered 413. Form posts are held to {@code
 *     server.tomcat.max-http-form-post-size}, which the shared defaults set to the same size.
 */
@ConfigurationProperties("iopcare.web")
public record WebLimits(@DefaultValue("1MB") DataSize maxRequestSize) {

    public WebLimits {
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("iopcare.web.max-request-size must be positive");
        }
    }
}
