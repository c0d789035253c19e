package org.iopcare.support.audit;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the audit trail on every API endpoint, lets handlers name the clients they disclose, and
 * serves the trail's review and verification.
 */
@Configuration(proxyBeanMethods = false)
@Import(AuditController.class)
public class AuditConfiguration implements WebMvcConfigurer {

    private final AuditWriter writer;

    AuditConfiguration(DataSource dataSource) {
        this.writer = new AuditWriter(dataSource);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // First of all interceptors: nothing else runs for a request whose record was not written.
        registry.addInterceptor(new AuditTrail(writer))
                .addPathPatterns("/api/**", "/fhir/**")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    AuditedClients auditedClients() {
        return new RequestAuditedClients(writer);
    }

    @Bean
    AuditChain auditChain(JdbcTemplate jdbc) {
        return new AuditChain(jdbc);
    }

    @Bean
    AuditReview auditReview(JdbcTemplate jdbc, @Value("${spring.application.name}") String serviceName) {
        return new AuditReview(jdbc, serviceName);
    }
}
