package org.iopcare.intake.messaging;

import java.util.function.Consumer;
import org.iopcare.events.TrackChanged;
import org.iopcare.intake.track.KnownTracks;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code track-changed} ({@code trackChanged-in-0}) to intake's list of program tracks. */
@Configuration(proxyBeanMethods = false)
class TrackChangedConsumer {

    @Bean
    Consumer<Message<byte[]>> trackChanged(EventConsumers consumers, KnownTracks tracks) {
        return consumers.of(TrackChanged.class, tracks::apply);
    }
}
