package org.iopcare.support.work;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The work items every service raises from its own signals, serves and escalates. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkItemProperties.class)
@Import(WorkItemController.class)
public class WorkItemConfiguration {

    @Bean
    WorkItems workItems(JdbcTemplate jdbc, Clock clock, WorkItemProperties properties) {
        return new WorkItems(jdbc, clock, properties);
    }

    @Bean
    WorkItemAccess workItemAccess(JdbcTemplate jdbc, Caseload caseload, WorkItems items) {
        return new WorkItemAccess(jdbc, caseload, items);
    }

    @Bean
    WorkItemEscalation workItemEscalation(
            JdbcTemplate jdbc,
            Outbox outbox,
            WorkItems items,
            PlatformTransactionManager transactions,
            Clock clock,
            WorkItemProperties properties,
            @Value("${spring.application.name}") String applicationName,
            MeterRegistry meters) {
        return new WorkItemEscalation(
                jdbc,
                outbox,
                items,
                new TransactionTemplate(transactions),
                clock,
                properties,
                producer(applicationName),
                meters);
    }

    @Bean
    WorkItemMetrics workItemMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        return new WorkItemMetrics(jdbc, clock, meters);
    }

    @Bean
    WorkItemJob workItemJob(WorkItemEscalation escalation, WorkItemMetrics metrics, WorkItemProperties properties) {
        return new WorkItemJob(escalation, metrics, properties);
    }

    /** The event catalogue's name of this service: {@code intake-service} publishes as {@code intake}. */
    static String producer(String applicationName) {
        return applicationName.endsWith("-service")
                ? applicationName.substring(0, applicationName.length() - "-service".length())
                : applicationName;
    }
}
