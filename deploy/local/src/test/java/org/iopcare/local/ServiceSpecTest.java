package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void extraEnvironmentAccumulatesOverridesAndSurvivesAPortChange() {
        ServiceSpec intake = ServiceSpec.INTAKE
                .withEnvironment(Map.of("A", "1", "B", "2"))
                .withEnvironment(Map.of("B", "3"))
                .withPort(18081);

        assertThat(intake.environment()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "3"));
        assertThat(intake.port()).isEqualTo(18081);
        assertThat(ServiceSpec.INTAKE.environment()).isEmpty();
    }
}
