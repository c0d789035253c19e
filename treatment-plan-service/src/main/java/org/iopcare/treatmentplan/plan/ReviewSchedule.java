package org.iopcare.treatmentplan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** When plan reviews fall due: first after the start date, then on a steady cadence. */
@Component
public class ReviewSchedule {

    private final PlanProperties properties;
    private final Clock clock;

    ReviewSchedule(PlanProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The first review of a plan whose client starts the program on this date. */
    LocalDate firstReviewDue(LocalDate startDate) {
        return startDate.plus(properties.firstReview());
    }

    /** The review after one held on this date. */
    LocalDate nextReviewDue(LocalDate reviewedOn) {
        return reviewedOn.plus(properties.reviewCadence());
    }

    /** The clinic's time zone. */
    public ZoneId zone() {
        return properties.timeZone();
    }

    /** Today in the clinic's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.timeZone()));
    }
}
