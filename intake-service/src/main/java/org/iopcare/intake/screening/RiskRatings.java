package org.iopcare.intake.screening;

import jakarta.persistence.Embeddable;

/** The six risk ratings as stored, 0 (none) to 4 (severe). */
@Embeddable
record RiskRatings(
        short withdrawal, short biomedical, short emotional, short readiness, short relapse, short environment) {

    static RiskRatings of(ScreeningRequest.Ratings r) {
        return new RiskRatings(
                r.withdrawal().shortValue(),
                r.biomedical().shortValue(),
                r.emotional().shortValue(),
                r.readiness().shortValue(),
                r.relapse().shortValue(),
                r.environment().shortValue());
    }

    ScreeningRequest.Ratings asRequest() {
        return new ScreeningRequest.Ratings(
                (int) withdrawal, (int) biomedical, (int) emotional, (int) readiness, (int) relapse, (int) environment);
    }
}
