package org.iopcare.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.iopcare.support.audit.AuditConfiguration;
import org.iopcare.support.audit.AuditedClients;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.db.SupportMigrations;
import org.iopcare.support.fhir.FhirConfiguration;
import org.iopcare.support.messaging.ConsumerProperties;
import org.iopcare.support.messaging.DeadLetters;
import org.iopcare.support.messaging.EventConsumers;
import org.iopcare.support.messaging.EventDecoder;
import org.iopcare.support.messaging.KafkaOutboxPublisher;
import org.iopcare.support.messaging.OutboxPublisher;
import org.iopcare.support.messaging.OutboxRelay;
import org.iopcare.support.messaging.ProcessedEventRetention;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.support.observability.AppendedEvents;
import org.iopcare.support.observability.ObservabilityConfiguration;
import org.iopcare.support.observability.TraceParents;
import org.iopcare.support.openapi.ApiDescriptionConfiguration;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.outbox.OutboxProperties;
import org.iopcare.support.outbox.OutboxSignal;
import org.iopcare.support.outbox.OutboxStore;
import org.iopcare.support.security.HandlerAuthorizationConfiguration;
import org.iopcare.support.security.SecurityConfiguration;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.support.staff.StaffDirectoryConfiguration;
import org.iopcare.support.staff.StaffProperties;
import org.iopcare.support.web.ProblemResponses;
import org.iopcare.support.web.WebEdgeConfiguration;
import org.iopcare.support.work.WorkItemConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The shared pieces every IOP Care service gets by depending on service-support. */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        })
@EnableConfigurationProperties({OutboxProperties.class, ConsumerProperties.class, StaffProperties.class})
@Import({
    SecurityConfiguration.class,
    HandlerAuthorizationConfiguration.class,
    AuditConfiguration.class,
    WebEdgeConfiguration.class,
    ObservabilityConfiguration.class,
    ApiDescriptionConfiguration.class,
    StaffDirectoryConfiguration.class,
    WorkItemConfiguration.class,
    FhirConfiguration.class
})
public class ServiceSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    SupportMigrations supportMigrations(@Value("${spring.datasource.username:}") String runtimeRole) {
        return new SupportMigrations(runtimeRole);
    }

    @Bean
    CareTeamProjection careTeamProjection(
            JdbcTemplate jdbc, ProcessedEvents processed, @Value("${spring.application.name}") String applicationName) {
        return new CareTeamProjection(jdbc, processed, applicationName);
    }

    @Bean
    StaffDirectory staffDirectory(StaffProperties properties) {
        return new StaffDirectory(properties);
    }

    @Bean
    Caseload caseload(JdbcTemplate jdbc, AuditedClients audit, Clock clock) {
        return new Caseload(jdbc, audit, clock);
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    Outbox outbox(
            JdbcTemplate jdbc,
            JsonMapper json,
            OutboxSignal signal,
            AppendedEvents appended,
            TraceParents traceParents) {
        return new Outbox(jdbc, json, signal, appended, traceParents);
    }

    @Bean
    OutboxStore outboxStore(JdbcTemplate jdbc, Clock clock, @Value("${spring.application.name}") String serviceName) {
        return new OutboxStore(jdbc, clock, serviceName);
    }

    @Bean
    KafkaOutboxPublisher outboxPublisher(Environment environment, ObjectProvider<ObservationRegistry> observations) {
        return new KafkaOutboxPublisher(environment, observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(
            OutboxStore store,
            OutboxSignal signal,
            OutboxPublisher publisher,
            PlatformTransactionManager transactions,
            OutboxProperties properties,
            MeterRegistry meters,
            TraceParents traceParents) {
        return new OutboxRelay(
                store, signal, publisher, new TransactionTemplate(transactions), properties, meters, traceParents);
    }

    /** Counts dead letters; a service that needs its own partition choice replaces it. */
    @Bean
    @ConditionalOnMissingBean(DlqPartitionFunction.class)
    DeadLetters deadLetters(MeterRegistry meters) {
        return new DeadLetters(meters);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, MeterRegistry meters) {
        return new ProcessedEvents(jdbc, meters);
    }

    @Bean
    ProcessedEventRetention processedEventRetention(
            JdbcTemplate jdbc, Clock clock, ConsumerProperties properties, MeterRegistry meters) {
        return new ProcessedEventRetention(jdbc, clock, properties, meters);
    }

    @Bean
    EventConsumers eventConsumers(JsonMapper json, ConsumerProperties properties) {
        return new EventConsumers(new EventDecoder(json, properties.maxPayloadBytes()));
    }
}
