package org.iopcare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table a run prints: figure | product | baseline | ratio, also written as markdown and TSV. */
final class ResultTable {

    record Row(String figure, String product, String baseline, String ratio) {}

    private final List<String> context = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    void context(String line) {
        context.add(line);
    }

    void add(String figure, String product, String baseline, String ratio) {
        rows.add(new Row(figure, product, baseline, ratio));
    }

    /** A figure with a baseline measured in the same run; the ratio is product / baseline. */
    void add(String figure, double product, String unit, String baselineName, double baseline) {
        add(figure, format(product) + " " + unit, format(baseline) + " " + baselineName, ratio(product / baseline));
    }

    /** Three significant digits: the relay's ratio is near 1, the enrollments' a few ten-thousandths. */
    static String ratio(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    static String format(double value) {
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        context.forEach(line -> text.append(line).append("\n"));
        text.append("\n| figure | product | baseline | ratio |\n|---|---:|---:|---:|\n");
        for (Row row : rows) {
            text.append("| ")
                    .append(String.join(" | ", row.figure(), row.product(), row.baseline(), row.ratio()))
                    .append(" |\n");
        }
        return text.toString();
    }

    String tsv() {
        StringBuilder text = new StringBuilder("figure\tproduct\tbaseline\tratio\n");
        rows.forEach(row -> text.append(String.join("\t", row.figure(), row.product(), row.baseline(), row.ratio()))
                .append('\n'));
        return text.toString();
    }

    /** Writes {@code bench-results.md} and {@code bench-results.tsv} into {@code directory}. */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("bench-results.tsv"), tsv());
        Path markdown = directory.resolve("bench-results.md");
        Files.writeString(markdown, markdown());
        return markdown;
    }
}
