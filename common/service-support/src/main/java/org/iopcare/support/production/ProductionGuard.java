package org.iopcare.support.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * With the {@code prod} profile, refuses to start a service whose database or broker connection
 * would travel in plaintext, whose secrets are the local run's defaults, or which would run as the
 * owner of its schema (and so of its audit trail). It runs before any bean
 * exists, so nothing has connected anywhere when it refuses. The message names the settings that
 * are wrong, never their values.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "prod";

    private static final Pattern JDBC_TLS = Pattern.compile("[?&]sslmode=(require|verify-ca|verify-full)(&|$)");
    private static final List<String> KAFKA_PROTOCOL_KEYS = List.of(
            "spring.cloud.stream.kafka.binder.configuration.security.protocol",
            "spring.kafka.security.protocol",
            "spring.kafka.properties.security.protocol");
    private static final List<String> KAFKA_TLS = List.of("SSL", "SASL_SSL");
    private static final List<String> SANDBOX_SMS_SECRETS = List.of("sandbox-token", "ACsandbox");
    /**
     * The settings a service declares its operator must set in production: what the service carries
     * for them (a settings record's default, its packaged {@code application.yaml}) is for the local
     * run and the tests only.
     */
    public static final String OPERATOR_SETTINGS = "iopcare.production.operator-settings";
    /** The settings a service declares must be an {@code https://} address in production. */
    public static final String HTTPS_SETTINGS = "iopcare.production.https-settings";
    /** How Spring names the property sources of the configuration files packaged in the jar. */
    private static final String PACKAGED_CONFIG = "class path resource [";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with profile '" + PROFILE + "':\n - "
                    + String.join("\n - ", problems)
                    + "\nSee docs/operations.md, \"Production settings\".");
        }
    }

    /** Every reason this environment is unfit for production; empty when it is fit. */
    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (env.matchesProfiles("local")) {
            problems.add("profile 'local' is active too (dev tokens, sandbox providers)");
        }
        String url = env.getProperty("spring.datasource.url", "");
        if (!JDBC_TLS.matcher(url).find()) {
            problems.add("spring.datasource.url must set sslmode=require, verify-ca or verify-full"
                    + " (the database connection would be plaintext)");
        }
        String protocol = KAFKA_PROTOCOL_KEYS.stream()
                .map(env::getProperty)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse("PLAINTEXT");
        if (!KAFKA_TLS.contains(protocol.trim().toUpperCase(Locale.ROOT))) {
            problems.add(KAFKA_PROTOCOL_KEYS.get(0) + " must be SSL or SASL_SSL (the broker connection would be"
                    + " plaintext)");
        }
        String runtimeRole = env.getProperty("spring.datasource.username", "");
        String owner = env.getProperty("spring.flyway.user", "");
        if (localPassword(env, "spring.datasource.password", runtimeRole)) {
            problems.add("spring.datasource.password is unset or the local default");
        }
        if (localPassword(env, "spring.flyway.password", owner)) {
            problems.add("spring.flyway.password is unset or the local default");
        }
        if (owner.isBlank() || owner.equals(runtimeRole)) {
            problems.add("spring.datasource.username must be a runtime role apart from the schema's owner"
                    + " (spring.flyway.user): the service could change or remove its own audit trail");
        }
        String issuerUri = env.getProperty("iopcare.security.jwt.issuer-uri", "");
        String keyLocation = env.getProperty("iopcare.security.jwt.public-key-location", "");
        if (issuerUri.isBlank() && keyLocation.isBlank()) {
            problems.add("iopcare.security.jwt.issuer-uri (or public-key-location) is unset: no token could be"
                    + " verified");
        } else if (issuerUri.isBlank() && localKey(keyLocation)) {
            problems.add("iopcare.security.jwt.public-key-location is the local run's or the tests' key");
        }
        if (env.getProperty("iopcare.security.jwt.audience", "").isBlank()) {
            problems.add("iopcare.security.jwt.audience is unset: a token issued for another application would be"
                    + " accepted");
        }
        String managementPort = env.getProperty("management.server.port", "");
        if (managementPort.isBlank() || managementPort.equals(env.getProperty("server.port", "8080"))) {
            problems.add("management.server.port is unset or the API port: Actuator would be served to API callers");
        }
        for (String key : declared(env, OPERATOR_SETTINGS)) {
            if (!setByTheOperator(env, key)) {
                problems.add(key + " is unset or the value the service carries for the local run");
            }
        }
        for (String key : declared(env, HTTPS_SETTINGS)) {
            if (!env.getProperty(key, "").startsWith("https://")) {
                problems.add(key + " must be an https:// address");
            }
        }
        if (!env.getProperty("iopcare.devtokens.private-key-location", "").isBlank()) {
            problems.add("iopcare.devtokens.private-key-location is set: token minting belongs to the local run");
        }
        if (SANDBOX_SMS_SECRETS.contains(env.getProperty("iopcare.notification.sms.auth-token", ""))
                || SANDBOX_SMS_SECRETS.contains(env.getProperty("iopcare.notification.sms.account-sid", ""))) {
            problems.add("iopcare.notification.sms account or token is the sandbox default");
        }
        if (env.getProperty("iopcare.notification.sms.base-url", "").contains("/sandbox/")) {
            problems.add("iopcare.notification.sms.base-url points at the local sandbox provider");
        }
        return problems;
    }

    private static List<String> declared(Environment env, String listKey) {
        if (env instanceof ConfigurableEnvironment configurable) {
            return Binder.get(configurable)
                    .bind(listKey, Bindable.listOf(String.class))
                    .orElse(List.of());
        }
        return List.of();
    }

    /**
     * Whether the setting has a value from outside the service's jar (environment, mounted files,
     * command line): the first property source that holds it, in precedence order, is not a packaged
     * configuration file, and its value is not blank.
     */
    private static boolean setByTheOperator(Environment env, String key) {
        if (env.getProperty(key, "").isBlank()) {
            return false;
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
            if (source.getConfigurationProperty(name) != null) {
                return !(source.getUnderlyingSource() instanceof PropertySource<?> underlying
                        && underlying.getName().contains(PACKAGED_CONFIG));
            }
        }
        return false;
    }

    private static boolean localPassword(Environment env, String key, String user) {
        String password = env.getProperty(key, "");
        return password.isBlank()
                || password.equals(user)
                || password.equals(env.getProperty("iopcare.db.schema"))
                || password.equals(env.getProperty("iopcare.db.schema") + "_app");
    }

    private static boolean localKey(String location) {
        return location.contains(".local-data")
                || location.contains("iopcare-test-jwt")
                || location.startsWith("classpath:");
    }

    /** After the configuration files and profiles are loaded and the shared defaults added. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
