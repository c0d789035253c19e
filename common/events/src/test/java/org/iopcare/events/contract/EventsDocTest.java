package org.iopcare.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.events.contract.CatalogueFiles.REGENERATE_HINT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iopcare.events.EventType;
import org.iopcare.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/events.md} describes every topic and type, and its field tables are the ones today's
 * records produce. The prose is written by hand; the tables between
 * {@code <!-- fields: <ceType> -->} and {@code <!-- /fields -->} are generated.
 */
class EventsDocTest {

    private static final Pattern BLOCK =
            Pattern.compile("(<!-- fields: ([\\w. -]+?) -->\\n)(.*?)(<!-- /fields -->)", Pattern.DOTALL);

    @Test
    void namesEveryTopicEveryTypeAndItsDeadLetterTopics() {
        String doc = CatalogueFiles.readString(CatalogueFiles.EVENTS_DOC);

        assertThat(doc)
                .contains(Topics.ALL.stream().map(topic -> "`" + topic + "`").toList());
        assertThat(doc)
                .contains(Arrays.stream(EventType.values())
                        .map(type -> "`" + type.ceType() + "`")
                        .toList());
        assertThat(doc).contains("error.<topic>.<consumer-group>");
    }

    @Test
    void fieldTablesAreWhatTodaysRecordsProduce() {
        String doc = CatalogueFiles.readString(CatalogueFiles.EVENTS_DOC);
        StringBuilder updated = new StringBuilder();
        Matcher block = BLOCK.matcher(doc);
        List<String> documented = new ArrayList<>();
        while (block.find()) {
            // one table may serve the types of a payload several services publish (a staff alert)
            List<EventType> types = Arrays.stream(block.group(2).split(" "))
                    .map(ceType -> EventType.forCeType(ceType)
                            .orElseThrow(() -> new AssertionError("docs/events.md documents unknown " + ceType)))
                    .toList();
            EventType type = types.get(0);
            assertThat(types).extracting(EventType::payloadType).containsOnly(type.payloadType());
            // blank lines around the table keep Markdown from reading the markers into it
            String table = "\n" + FieldTable.render(SchemaGenerator.schemaFor(type)) + "\n";
            block.appendReplacement(updated, Matcher.quoteReplacement(block.group(1) + table + block.group(4)));
            if (!CatalogueFiles.writeRequested()) {
                assertThat(block.group(3))
                        .as("field table of %s in docs/events.md; %s", type.ceType(), REGENERATE_HINT)
                        .isEqualTo(table);
            }
            types.forEach(each -> documented.add(each.ceType()));
        }
        block.appendTail(updated);
        if (CatalogueFiles.writeRequested()) {
            CatalogueFiles.write(CatalogueFiles.EVENTS_DOC, updated.toString());
        }

        assertThat(documented)
                .as("one field table per type of the catalogue in docs/events.md")
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventType.values()).map(EventType::ceType).toList());
    }
}
