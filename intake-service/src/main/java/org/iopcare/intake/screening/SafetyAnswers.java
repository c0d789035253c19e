package org.iopcare.intake.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The safety answers as stored; clinicians see them, intake coordinators do not (the rules table
 * reads them through {@link ScreeningFacts}).
 */
@Embeddable
record SafetyAnswers(
        @Column(name = "suicidal_intent") boolean suicidalIntent,
        @Column(name = "recent_attempt") boolean recentAttempt,
        @Column(name = "homicidal_ideation") boolean homicidalIdeation) {

    static SafetyAnswers of(ScreeningFacts facts) {
        return new SafetyAnswers(facts.suicidalIntent(), facts.recentAttempt(), facts.homicidalIdeation());
    }

    ScreeningRequest.Safety asRequest() {
        return new ScreeningRequest.Safety(suicidalIntent, recentAttempt, homicidalIdeation);
    }
}
