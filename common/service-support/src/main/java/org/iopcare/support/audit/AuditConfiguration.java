package org.iopcare.support.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the audit trail on every API endpoint. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration implements WebMvcConfigurer {

    private final JdbcTemplate jdbc;

    AuditConfiguration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // First of all interceptors: nothing else runs for a request whose record was not written.
        registry.addInterceptor(new AuditTrail(jdbc)).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }
}
