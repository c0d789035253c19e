package org.iopcare.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.EventType;
import org.iopcare.events.IntegrationEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The house rules of an event record, checked for every type of the catalogue. */
class EventRecordConventionsTest {

    private static final Set<String> CONTACT_DETAILS = Set.of("preferredName", "phone", "email");

    /** Words that would carry clinical free text or measurements: minimum necessary keeps them home. */
    private static final List<String> FORBIDDEN_WORDS =
            List.of("note", "text", "comment", "description", "diagnos", "score", "answer", "message", "body");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isAPastTenseRecordThatStartsWithTheEnvelopeIds(EventType type) {
        Class<?> payload = type.payloadType();
        assertThat(payload.isRecord()).as("%s is a record", payload).isTrue();
        assertThat(payload.getSimpleName()).doesNotEndWith("Event");

        RecordComponent[] components = payload.getRecordComponents();
        assertThat(Arrays.stream(components)
                        .limit(3)
                        .map(c -> c.getName() + ":" + c.getType().getSimpleName()))
                .containsExactly("eventId:UUID", "occurredAt:Instant", "clientId:UUID");
        assertThat(components[1].getType()).isEqualTo(Instant.class);
        assertThat(components[0].getType()).isEqualTo(UUID.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void documentsItselfAndEveryComponent(EventType type) {
        RecordDocs docs = RecordDocs.of(type.payloadType());
        List<String> names = Arrays.stream(type.payloadType().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(docs.summary()).as("Javadoc of %s", type.payloadType()).isNotBlank();
        assertThat(docs.params().keySet())
                .as("@param tags of %s", type.payloadType())
                .containsExactlyElementsOf(names);
        assertThat(docs.params().values()).allSatisfy(text -> assertThat(text).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void carriesNoFreeTextOrClinicalMeasurement(EventType type) {
        assertThat(Arrays.stream(type.payloadType().getRecordComponents())
                        .map(c -> c.getName().toLowerCase(Locale.ROOT)))
                .as("components of %s", type.payloadType())
                .noneMatch(name -> FORBIDDEN_WORDS.stream().anyMatch(name::contains));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void keepsContactDetailsOutOfToString(EventType type) throws Exception {
        JsonNode golden = CatalogueFiles.read(CatalogueFiles.golden(type));
        IntegrationEvent event = CatalogueFiles.MAPPER.treeToValue(golden, type.payloadType());
        List<String> contact = CONTACT_DETAILS.stream()
                .filter(golden::hasNonNull)
                .map(name -> golden.get(name).asString())
                .toList();
        if (contact.isEmpty()) {
            return;
        }

        assertThat(type.payloadType().getDeclaredMethod("toString").getDeclaringClass())
                .isEqualTo(type.payloadType());
        assertThat(event.toString())
                .doesNotContain(contact)
                .contains(event.eventId().toString());
    }
}
