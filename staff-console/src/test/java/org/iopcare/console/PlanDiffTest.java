package org.iopcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDiffTest {

    @Test
    void linesKeptInOrderThenTheChangesMarkedAddedOrRemoved() {
        List<PlanDiff.Line> lines = PlanDiff.compare(List.of("a", "b", "c"), List.of("a", "c", "d"));

        assertThat(lines)
                .containsExactly(
                        new PlanDiff.Line("kept", "a"),
                        new PlanDiff.Line("removed", "b"),
                        new PlanDiff.Line("kept", "c"),
                        new PlanDiff.Line("added", "d"));
        assertThat(PlanDiff.compare(List.of(), List.of())).isEmpty();
        assertThat(PlanDiff.compare(List.of("x"), List.of())).containsExactly(new PlanDiff.Line("removed", "x"));
    }

    @Test
    void aVersionReadsAsProblemsGoalsWithTheirTargetsObjectivesAndInterventions() {
        Map<String, Object> version = Map.of(
                "content",
                Map.of(
                        "problems",
                        List.of(Map.of(
                                "category",
                                "MENTAL_HEALTH",
                                "statement",
                                "Low mood",
                                "goals",
                                List.of(Map.of(
                                        "statement",
                                        "Back at work",
                                        "targetDate",
                                        "2027-02-01",
                                        "measureTarget",
                                        Map.of("instrument", "PHQ9", "below", 10),
                                        "objectives",
                                        List.of(Map.of("statement", "Attend groups", "status", "IN_PROGRESS")))))),
                        "interventions",
                        List.of(Map.of(
                                "modality",
                                "GROUP_THERAPY",
                                "frequency",
                                Map.of("times", 3, "per", "WEEK"),
                                "responsibleRole",
                                "GROUP_FACILITATOR"))));

        assertThat(PlanDiff.lines(version))
                .containsExactly(
                        "Problem (MENTAL_HEALTH): Low mood",
                        "  Goal: Back at work (by 2027-02-01, PHQ9 below 10)",
                        "    Objective: Attend groups [IN_PROGRESS]",
                        "Intervention: GROUP_THERAPY, 3 per WEEK, GROUP_FACILITATOR");
        assertThat(PlanDiff.lines(Map.of())).isEmpty();
    }
}
