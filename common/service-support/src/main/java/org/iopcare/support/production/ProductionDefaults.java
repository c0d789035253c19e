package org.iopcare.support.production;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the {@code prod} profile: Actuator on its own management port, which the ingress never
 * routes to, and no API description or Swagger UI (docs/adr/0003). Beneath everything an operator
 * sets, so each may still be changed deliberately; {@link ProductionGuard} refuses Actuator back
 * on the API port.
 */
public class ProductionDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "iopcare-production-defaults";

    /** The chart's management port; the probes and the metrics scrape use it. */
    static final String MANAGEMENT_PORT = "8081";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(ProductionGuard.PROFILE)) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        SOURCE,
                        Map.of(
                                "management.server.port", MANAGEMENT_PORT,
                                "springdoc.api-docs.enabled", "false",
                                "springdoc.swagger-ui.enabled", "false")));
    }

    /** Before the guard, which checks the result. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
