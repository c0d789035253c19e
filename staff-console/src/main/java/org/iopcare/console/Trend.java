package org.iopcare.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A client's PHQ-9 or GAD-7 totals over time as an inline SVG line (the chart is drawn on the server:
 * the content security policy allows no script to draw it), with the plan goal's target as a dashed
 * line. Coordinates are in a fixed 600 × 160 box; totals are scaled to the instrument's maximum.
 *
 * @param instrument {@code PHQ9} or {@code GAD7}
 * @param points the polyline's points ("x,y x,y ...")
 * @param dots each administration's point, for its marker and its text alternative
 * @param targetY the goal's target line, or null without a goal for the instrument
 * @param target the goal's target ("below 10"), or null
 * @param summary the text alternative: the totals in order and the target
 */
public record Trend(
        String instrument,
        String points,
        List<Dot> dots,
        @Nullable Integer targetY,
        @Nullable String target,
        String summary) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    static final int PADDING = 12;

    /** One administration: where it is drawn, and its total. */
    public record Dot(int x, int y, int total) {}

    /** One trend per instrument with at least one administration, PHQ-9 first. */
    static List<Trend> of(List<Map<String, Object>> assessments, List<Map<String, Object>> goals) {
        List<Trend> trends = new ArrayList<>();
        for (String instrument : List.of("PHQ9", "GAD7")) {
            List<Integer> totals = new ArrayList<>();
            for (Map<String, Object> assessment : assessments) {
                if (instrument.equals(String.valueOf(assessment.get("instrument")))
                        && assessment.get("total") instanceof Number total) {
                    totals.add(total.intValue());
                }
            }
            if (totals.isEmpty()) {
                continue;
            }
            int max = instrument.equals("PHQ9") ? 27 : 21;
            Integer below = null;
            for (Map<String, Object> goal : goals) {
                if (instrument.equals(String.valueOf(goal.get("instrument")))
                        && goal.get("below") instanceof Number b) {
                    below = b.intValue();
                }
            }
            List<Dot> dots = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < totals.size(); i++) {
                int x = totals.size() == 1 ? WIDTH / 2 : PADDING + i * (WIDTH - 2 * PADDING) / (totals.size() - 1);
                int y = y(totals.get(i), max);
                dots.add(new Dot(x, y, totals.get(i)));
                points.append(points.length() == 0 ? "" : " ")
                        .append(x)
                        .append(',')
                        .append(y);
            }
            String label = instrument.equals("PHQ9") ? "PHQ-9" : "GAD-7";
            String summary = String.format(
                    Locale.ROOT,
                    "%s totals, oldest first: %s%s",
                    label,
                    String.join(", ", totals.stream().map(String::valueOf).toList()),
                    below == null ? "" : "; the plan's goal is below " + below);
            trends.add(new Trend(
                    label,
                    points.toString(),
                    dots,
                    below == null ? null : y(below, max),
                    below == null ? null : "below " + below,
                    summary));
        }
        return trends;
    }

    private static int y(int total, int max) {
        return HEIGHT - PADDING - Math.min(total, max) * (HEIGHT - 2 * PADDING) / max;
    }
}
