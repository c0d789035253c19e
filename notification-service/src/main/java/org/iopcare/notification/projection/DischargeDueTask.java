package org.iopcare.notification.projection;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one-time task that ends an enrollment on the day of a discharge dated ahead (instance: the
 * client id; planned by {@link Enrollments} in the event's transaction, run by the service's
 * db-scheduler like the reminders).
 */
@Configuration(proxyBeanMethods = false)
class DischargeDueTask {

    static final String NAME = "discharge-due";

    @Bean
    CustomTask<Void> dischargeDueOneTimeTask(Enrollments enrollments) {
        return Tasks.custom(NAME, Void.class).execute((instance, context) -> {
            enrollments.dischargeDue(UUID.fromString(instance.getId()));
            return new CompletionHandler.OnCompleteRemove<>();
        });
    }
}
