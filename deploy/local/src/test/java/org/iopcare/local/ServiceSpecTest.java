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
    void anotherInstanceIsTheSameServiceUnderItsOwnNameOnItsOwnPort() {
        ServiceSpec intake = ServiceSpec.INTAKE.withPort(18081).withEnvironment(Map.of("A", "1"));

        ServiceSpec second = intake.instance(2);
        assertThat(second.processName()).isEqualTo("intake-service-2");
        assertThat(second.port()).isEqualTo(18181);
        assertThat(second.name()).isEqualTo("intake-service");
        assertThat(second.shortName()).isEqualTo("intake");
        assertThat(second.schema()).isEqualTo("intake");
        assertThat(second.runtimeRole()).isEqualTo("intake_app");
        assertThat(second.jar()).isEqualTo(intake.jar());
        assertThat(second.environment()).containsEntry("A", "1");
        assertThat(second.withPort(20000).instance()).as("a test may move it").isEqualTo(2);
        assertThat(second).isNotEqualTo(intake);
        assertThat(intake.instance(1)).isSameAs(intake);
        assertThat(intake.processName()).isEqualTo("intake-service");
        assertThat(ServiceSpec.NOTIFICATION.instance(4).port()).isEqualTo(8384);

        assertThatThrownBy(() -> second.instance(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> intake.instance(5)).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> ServiceSpec.STAFF_CONSOLE.instance(2)).hasMessageContaining("one staff console");
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
                        "x-service", ServiceSpec.Kind.SERVICE, null, 1, Path.of("x.jar"), false, Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
