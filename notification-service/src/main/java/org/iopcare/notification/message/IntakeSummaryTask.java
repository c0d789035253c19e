package org.iopcare.notification.message;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intake summary as a db-scheduler recurring task: one instance at a time runs it, and it
 * runs again after a restart. The period's own row ({@link IntakeSummaries}) is what makes a
 * summary unique, so a second scheduler or a manual run cannot send a second one.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSummaryTask {

    // named apart from this configuration class's own bean ("intakeSummaryTask")
    @Bean
    @ConditionalOnProperty(
            name = "iopcare.notification.intake-summary.enabled",
            havingValue = "true",
            matchIfMissing = true)
    RecurringTask<Void> intakeSummaryRecurringTask(
            IntakeSummaries summaries, IntakeSummaryProperties properties, Clock clock) {
        return Tasks.recurring("intake-summary", FixedDelay.of(properties.checkInterval()))
                .execute((instance, context) -> summaries.summarize(Instant.now(clock)));
    }
}
