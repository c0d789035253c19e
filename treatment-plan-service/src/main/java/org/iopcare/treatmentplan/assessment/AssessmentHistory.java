package org.iopcare.treatmentplan.assessment;

import java.util.List;

/**
 * A client's assessments on their current plan, oldest first, and the trend against each goal
 * of the plan's current version that has a measure target.
 */
public record AssessmentHistory(List<Assessment> assessments, List<GoalTrend> goals) {}
