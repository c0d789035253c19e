package org.iopcare.scheduling.track;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once scheduling has started, publishes the tracks whose state was never published. */
@Component
class TrackAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(TrackAnnouncements.class);

    private final Tracks tracks;

    TrackAnnouncements(Tracks tracks) {
        this.tracks = tracks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        int announced = tracks.announceUnannounced();
        if (announced > 0) {
            log.info("Announced {} tracks on track-changed", announced);
        }
    }
}
