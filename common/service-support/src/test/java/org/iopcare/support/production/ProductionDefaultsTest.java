package org.iopcare.support.production;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionDefaultsTest {

    private final ProductionDefaults defaults = new ProductionDefaults();

    @Test
    void inProductionActuatorMovesToItsOwnPortAndTheApiDescriptionIsOff() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        defaults.postProcessEnvironment(env, null);
        assertThat(env.getProperty("management.server.port")).isEqualTo("8081");
        assertThat(env.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(env.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
        assertThat(ProductionGuard.problems(env)).noneMatch(p -> p.contains("management.server.port"));
    }

    @Test
    void anOperatorsSettingWins() {
        MockEnvironment env = new MockEnvironment().withProperty("management.server.port", "9090");
        env.setActiveProfiles("prod");
        defaults.postProcessEnvironment(env, null);
        assertThat(env.getProperty("management.server.port")).isEqualTo("9090");
    }

    @Test
    void elsewhereNothingChanges() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("local");
        defaults.postProcessEnvironment(env, null);
        assertThat(env.getProperty("management.server.port")).isNull();
        assertThat(env.getProperty("springdoc.api-docs.enabled")).isNull();
    }
}
