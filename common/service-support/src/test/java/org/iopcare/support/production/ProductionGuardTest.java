package org.iopcare.support.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

    private final ProductionGuard guard = new ProductionGuard();

    /** What a production deployment of the chart sets. */
    private static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("iopcare.db.schema", "intake")
                .withProperty(
                        "spring.datasource.url", "jdbc:postgresql://iopcare-db-rw:5432/iopcare?sslmode=verify-full")
                .withProperty("spring.datasource.username", "intake_app")
                .withProperty("spring.datasource.password", "s3cret-from-the-operator")
                .withProperty("spring.flyway.user", "intake")
                .withProperty("spring.flyway.password", "0wner-s3cret-from-the-operator")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SSL")
                .withProperty("iopcare.security.jwt.issuer-uri", "https://login.clinic.example/realms/staff")
                .withProperty("iopcare.security.jwt.audience", "iopcare-api")
                .withProperty("server.port", "8080")
                .withProperty("management.server.port", "8081");
        env.setActiveProfiles("prod");
        return env;
    }

    @Test
    void aProductionEnvironmentStarts() {
        assertThat(ProductionGuard.problems(production())).isEmpty();
        assertThatCode(() -> guard.postProcessEnvironment(production(), null)).doesNotThrowAnyException();
    }

    @Test
    void withoutTheProdProfileNothingIsChecked() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThatCode(() -> guard.postProcessEnvironment(local, null)).doesNotThrowAnyException();
    }

    @Test
    void refusesAPlaintextDatabaseConnection() {
        MockEnvironment env =
                production().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/iopcare?sslmode=prefer");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("spring.datasource.url");
        env.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/iopcare?sslmode=require&ApplicationName=x");
        assertThat(ProductionGuard.problems(env)).isEmpty();
    }

    @Test
    void refusesAPlaintextBroker() {
        MockEnvironment env =
                production().withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("SSL or SASL_SSL");
        env.setProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "PLAINTEXT");
        assertThat(ProductionGuard.problems(env)).hasSize(1);
        env.setProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "sasl_ssl");
        assertThat(ProductionGuard.problems(env)).isEmpty();
    }

    @Test
    void refusesTheLocalDatabasePassword() {
        MockEnvironment env = production().withProperty("spring.datasource.password", "intake");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("spring.datasource.password");
    }

    @Test
    void refusesTheLocalOwnerPassword() {
        MockEnvironment env = production().withProperty("spring.flyway.password", "intake");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("spring.flyway.password");
        env.setProperty("spring.flyway.password", "");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("spring.flyway.password");
        env.setProperty("spring.flyway.password", "0wner-s3cret-from-the-operator");
        env.setProperty("spring.datasource.password", "intake_app");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("spring.datasource.password");
    }

    @Test
    void refusesToRunAsTheSchemasOwner() {
        MockEnvironment env = production().withProperty("spring.datasource.username", "intake");
        assertThat(ProductionGuard.problems(env))
                .singleElement()
                .asString()
                .contains("spring.datasource.username", "spring.flyway.user")
                .doesNotContain("s3cret");
        env.setProperty("spring.datasource.username", "intake_app");
        env.setProperty("spring.flyway.user", "");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("runtime role");
    }

    @Test
    void refusesTheLocalTokenKeyAndTokenMinting() {
        MockEnvironment env = production()
                .withProperty("iopcare.security.jwt.issuer-uri", "")
                .withProperty("iopcare.security.jwt.public-key-location", "file:/work/.local-data/keys/jwt-public.pem")
                .withProperty("iopcare.devtokens.private-key-location", "file:/tmp/jwt-private.pem");
        assertThat(ProductionGuard.problems(env))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("public-key-location"))
                .anySatisfy(p -> assertThat(p).contains("devtokens"));
        env.setProperty("iopcare.security.jwt.public-key-location", "");
        assertThat(ProductionGuard.problems(env)).anySatisfy(p -> assertThat(p).contains("issuer-uri"));
    }

    @Test
    void refusesTheSandboxSmsProvider() {
        MockEnvironment env = production()
                .withProperty("iopcare.notification.sms.auth-token", "sandbox-token")
                .withProperty("iopcare.notification.sms.base-url", "http://localhost:8084/sandbox/sms/provider");
        assertThat(ProductionGuard.problems(env)).hasSize(2);
    }

    @Test
    void refusesTokensWithoutAnAudienceCheck() {
        MockEnvironment env = production().withProperty("iopcare.security.jwt.audience", " ");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("audience");
    }

    @Test
    void refusesActuatorOnTheApiPort() {
        MockEnvironment env = production().withProperty("management.server.port", "8080");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("management.server.port");
        env.setProperty("management.server.port", "");
        assertThat(ProductionGuard.problems(env)).hasSize(1);
    }

    /** A service's packaged application.yaml, as Spring names its property source. */
    private static MapPropertySource packaged(Map<String, Object> values) {
        return new MapPropertySource(
                "Config resource 'class path resource [application.yaml]' via location 'optional:classpath:/'", values);
    }

    @Test
    void aDeclaredOperatorSettingMustComeFromOutsideTheJar() {
        MockEnvironment env = production()
                .withProperty(ProductionGuard.OPERATOR_SETTINGS + "[0]", "iopcare.intake.inquiries.fingerprint-secret")
                .withProperty(ProductionGuard.OPERATOR_SETTINGS + "[1]", "iopcare.notification.unsubscribe.secret");
        env.getPropertySources()
                .addLast(packaged(
                        Map.of("iopcare.intake.inquiries.fingerprint-secret", "local-only-fingerprint-secret")));
        // one only in the jar, one nowhere (a settings record's default is not in the environment)
        assertThat(ProductionGuard.problems(env))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("fingerprint-secret"))
                .anySatisfy(problem -> assertThat(problem).contains("unsubscribe.secret"));
        // from the environment, in its relaxed form, as the chart sets it
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "systemEnvironment",
                        Map.of(
                                "IOPCARE_INTAKE_INQUIRIES_FINGERPRINT_SECRET", "from-the-operator's-secret",
                                "IOPCARE_NOTIFICATION_UNSUBSCRIBE_SECRET", " ")));
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("unsubscribe.secret");
        env.setProperty("iopcare.notification.unsubscribe.secret", "from-the-operator's-key");
        env.getPropertySources().remove("systemEnvironment");
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "systemEnvironment",
                        Map.of("IOPCARE_INTAKE_INQUIRIES_FINGERPRINT_SECRET", "from-the-operator's-secret")));
        assertThat(ProductionGuard.problems(env)).isEmpty();
    }

    @Test
    void aDeclaredHttpsSettingMustBeAnHttpsAddress() {
        MockEnvironment env = production()
                .withProperty(ProductionGuard.HTTPS_SETTINGS + "[0]", "iopcare.notification.unsubscribe.base-url");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("unsubscribe.base-url");
        env.setProperty("iopcare.notification.unsubscribe.base-url", "http://localhost:8084");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("https://");
        env.setProperty("iopcare.notification.unsubscribe.base-url", "https://iopcare.clinic.example");
        assertThat(ProductionGuard.problems(env)).isEmpty();
    }

    @Test
    void refusesTheLocalProfileBesideProd() {
        MockEnvironment env = production();
        env.setActiveProfiles("prod", "local");
        assertThat(ProductionGuard.problems(env)).singleElement().asString().contains("local");
    }

    @Test
    void theRefusalListsEverySettingAndNoValue() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/iopcare")
                .withProperty("spring.datasource.password", "intake")
                .withProperty("spring.datasource.username", "intake")
                .withProperty("iopcare.notification.sms.auth-token", "sandbox-token");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Refusing to start with profile 'prod'")
                .hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("security.protocol")
                .hasMessageContaining("spring.datasource.password")
                .hasMessageContaining("issuer-uri")
                .hasMessageContaining("sandbox default")
                .hasMessageNotContaining("db.internal")
                .hasMessageNotContaining("sandbox-token");
    }
}
