package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The chart README lists every value as the schema and values.yaml describe it today. */
class ChartReadmeTest {

    @Test
    void theReadmeListsEveryValueAsTheSchemaDescribesIt() throws IOException {
        ChartReadme generator = new ChartReadme();
        String current = Files.readString(ChartReadme.FILE);
        String expected = generator.readme(current);
        if (Boolean.getBoolean("chart.readme.write")) {
            Files.writeString(ChartReadme.FILE, expected);
            current = expected;
        }
        assertThat(current)
                .as("charts/iopcare/README.md is out of date: run this test with -Dchart.readme.write=true")
                .isEqualTo(expected);
    }

    @Test
    void aValueMissingFromTheReadmeIsFound() throws IOException {
        String table = new ChartReadme().table();
        assertThat(table)
                .contains("| `image.digests` |", "| `services.<name>.consumes` |", "| `gatewayApi.parentRefs` |")
                .contains("| `console.ingress.host` | string | `\"staff.iopcare.example.org\"` |");
        String stale = new ChartReadme()
                .readme(ChartReadme.BEGIN + "\n" + ChartReadme.END)
                .replace("| `tests.image` |", "| `tests.imag` |");
        assertThat(stale).isNotEqualTo(new ChartReadme().readme(stale));
    }
}
