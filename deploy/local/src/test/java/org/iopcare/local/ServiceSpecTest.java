package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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

    @Test
    void theLocalRunStartsTheConsoleAndTheFourServicesAndOnlyTheServicesHaveADatabase() {
        assertThat(ServiceSpec.ALL)
                .extracting(ServiceSpec::name)
                .containsExactly(
                        "staff-console",
                        "intake-service",
                        "scheduling-service",
                        "treatment-plan-service",
                        "notification-service");
        assertThat(ServiceSpec.SERVICES).allMatch(ServiceSpec::hasDatabase).doesNotContain(ServiceSpec.STAFF_CONSOLE);
        assertThat(ServiceSpec.TREATMENT_PLAN.schema()).isEqualTo("treatment_plan");
        assertThat(ServiceSpec.TREATMENT_PLAN.runtimeRole()).isEqualTo("treatment_plan_app");
    }

    @Test
    void theConsoleHasAPortAndAJarButNoSchema() {
        ServiceSpec console = ServiceSpec.STAFF_CONSOLE.withPort(18080);

        assertThat(console.kind()).isEqualTo(ServiceSpec.Kind.CONSOLE);
        assertThat(console.hasDatabase()).isFalse();
        assertThat(console.mintsDevTokens()).isFalse();
        assertThat(console.port()).isEqualTo(18080);
        assertThat(ServiceSpec.STAFF_CONSOLE.port()).isEqualTo(8080);
        assertThat(console.jar()).isEqualTo(Path.of("staff-console/target/staff-console-0.1.0-SNAPSHOT-exec.jar"));
        assertThatThrownBy(console::schema).hasMessageContaining("staff-console has no database schema");
        assertThatThrownBy(console::runtimeRole).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ServiceSpec(
                        "x-service", ServiceSpec.Kind.SERVICE, null, 1, Path.of("x.jar"), false, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
