package org.iopcare.notification.reminder;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler, wired by hand: its Boot 4 starter starts the scheduler once, when the context is
 * ready, and stops it only when the context closes, where this one follows the context's lifecycle
 * (a graceful shutdown stops it in order; a paused context stops polling). One-time tasks in this
 * schema's {@code scheduled_tasks} table, each picked by exactly one instance. Tasks are planned
 * by {@link Reminders} with plain SQL in the event handler's transaction, so a reminder commits or
 * rolls back with the handler. A task whose client has not enrolled yet puts itself back
 * instead of finishing (the enrollment may be committing at this very moment).
 */
@Configuration(proxyBeanMethods = false)
class ReminderTasks {

    static final String SESSION_REMINDER = "session-reminder";
    static final String WELCOME = "welcome";
    static final String WEEKLY_DIGEST = "weekly-digest";

    @Bean
    CustomTask<Void> sessionReminderTask(ReminderDelivery delivery) {
        return Tasks.custom(SESSION_REMINDER, Void.class).execute((instance, context) -> {
            String[] parts = instance.getId().split("\\|", 2);
            return completion(delivery.remind(UUID.fromString(parts[0]), Duration.parse(parts[1])));
        });
    }

    @Bean
    CustomTask<Void> welcomeTask(ReminderDelivery delivery) {
        return Tasks.custom(WELCOME, Void.class)
                .execute((instance, context) -> completion(delivery.welcome(UUID.fromString(instance.getId()))));
    }

    /** Per client: runs at the digest time and plans itself for the next week while the client wants it. */
    @Bean
    CustomTask<Void> weeklyDigestTask(WeeklyDigests digests) {
        return Tasks.custom(WEEKLY_DIGEST, Void.class)
                .execute((instance, context) -> completion(digests.send(UUID.fromString(instance.getId()))));
    }

    private static CompletionHandler<Void> completion(Optional<Instant> retryAt) {
        if (retryAt.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        return (complete, operations) -> operations.reschedule(complete, retryAt.get());
    }

    /** Recurring tasks of other features (UNKNOWN reconciliation) are scheduled when the scheduler starts. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List recurring(List<Task<?>> tasks) {
        return tasks.stream().filter(task -> task instanceof OnStartup).toList();
    }

    /** How often a running execution says it is alive; six missed and it is run again elsewhere. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /**
     * db-scheduler's builder reading the service's {@link Clock} (the builder has no setter for its
     * clock): a task is due when the service's clock says so, like every other time it computes.
     */
    static SchedulerBuilder builder(DataSource dataSource, List<Task<?>> tasks, Clock serviceClock) {
        return new SchedulerBuilder(dataSource, tasks) {
            {
                clock = serviceClock::instant;
            }
        };
    }

    /** A new scheduler per start: a stopped db-scheduler cannot start again (test contexts are paused and resumed). */
    @Bean
    SmartLifecycle reminderScheduler(
            DataSource dataSource, List<Task<?>> tasks, ReminderProperties properties, Clock serviceClock) {
        return new SmartLifecycle() {
            private volatile Scheduler running;

            @Override
            public void start() {
                // startTasks registers the recurring tasks itself: they must not be listed twice
                Scheduler scheduler = builder(
                                dataSource,
                                tasks.stream()
                                        .filter(task -> !(task instanceof OnStartup))
                                        .toList(),
                                serviceClock)
                        .startTasks(recurring(tasks))
                        .pollingInterval(properties.pollInterval())
                        // an execution whose instance died (kill -9, a lost node) stays picked until its
                        // heartbeats are missed this many times: 6 × 10 s, not the default 6 × 5 min, in
                        // which the UNKNOWN reconciliation (one run at a time) would stand still
                        .heartbeatInterval(HEARTBEAT)
                        .threads(properties.threads())
                        .enableImmediateExecution()
                        .build();
                scheduler.start();
                running = scheduler;
            }

            @Override
            public void stop() {
                Scheduler scheduler = running;
                running = null;
                if (scheduler != null) {
                    scheduler.stop();
                }
            }

            @Override
            public boolean isRunning() {
                return running != null;
            }
        };
    }
}
