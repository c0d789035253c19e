package org.iopcare.intake.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iopcare.events.LevelOfCare;

/**
 * What the rules table recommends for a screening, with the reason codes that produced it, and
 * whether the care team must act now.
 */
record Recommendation(LevelOfCare level, List<String> reasonCodes, boolean urgent) {

    /**
     * Applies the table. Urgent when PHQ-9 item 9 (thoughts of self-harm) is above 0, or the
     * recommendation is CRISIS, whatever else fired.
     */
    static Recommendation of(ScreeningFacts facts, LevelOfCareRules table) {
        List<LevelOfCareRules.Rule> fired = table.rules().stream()
                .filter(rule -> rule.when().holdsFor(facts))
                .toList();
        // LevelOfCare is declared most intensive first.
        LevelOfCare level = fired.stream()
                .map(LevelOfCareRules.Rule::level)
                .min(Comparator.naturalOrder())
                .orElse(table.defaultLevel());
        List<String> reasons = new ArrayList<>();
        fired.stream()
                .filter(rule -> rule.level() == level)
                .map(LevelOfCareRules.Rule::code)
                .distinct()
                .forEach(reasons::add);
        if (fired.isEmpty()) {
            reasons.add(table.defaultReason());
        }
        boolean urgent = facts.phq9Item9() > 0 || level == LevelOfCare.CRISIS;
        return new Recommendation(level, List.copyOf(reasons), urgent);
    }
}
