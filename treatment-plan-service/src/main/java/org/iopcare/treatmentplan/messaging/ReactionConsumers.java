package org.iopcare.treatmentplan.messaging;

import java.util.function.Consumer;
import org.iopcare.events.AttendanceBelowMinimum;
import org.iopcare.events.SessionMissCorrected;
import org.iopcare.events.SessionMissed;
import org.iopcare.support.messaging.EventConsumers;
import org.iopcare.treatmentplan.reaction.LowAttendance;
import org.iopcare.treatmentplan.reaction.MissCorrections;
import org.iopcare.treatmentplan.reaction.MissedSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds scheduling's {@code session-missed} ({@code sessionMissed-in-0}),
 * {@code session-miss-corrected} ({@code sessionMissCorrected-in-0}) and
 * {@code attendance-below-minimum} ({@code attendanceBelowMinimum-in-0}) to the plan's reactions.
 */
@Configuration(proxyBeanMethods = false)
class ReactionConsumers {

    @Bean
    Consumer<Message<byte[]>> sessionMissed(EventConsumers consumers, MissedSessions missed) {
        return consumers.of(SessionMissed.class, missed::on);
    }

    @Bean
    Consumer<Message<byte[]>> sessionMissCorrected(EventConsumers consumers, MissCorrections corrections) {
        return consumers.of(SessionMissCorrected.class, corrections::on);
    }

    @Bean
    Consumer<Message<byte[]>> attendanceBelowMinimum(EventConsumers consumers, LowAttendance attendance) {
        return consumers.of(AttendanceBelowMinimum.class, attendance::on);
    }
}
