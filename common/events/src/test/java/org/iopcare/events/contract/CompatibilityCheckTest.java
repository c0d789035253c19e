package org.iopcare.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.EventType;
import org.iopcare.events.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each compatibility rule, proven on records that evolve a released one. The samples leave out the
 * envelope ids, which the check treats like any other property.
 */
class CompatibilityCheckTest {

    private static final String CE_TYPE = "org.iopcare.test.sample.v1";

    enum Level {
        LOW,
        HIGH
    }

    enum LevelWithMedium {
        LOW,
        MEDIUM,
        HIGH
    }

    enum LevelWithoutHigh {
        LOW
    }

    record Released(
            UUID itemId,
            Level level,
            int count,
            List<String> codes,
            @Nullable String note) {}

    record AddsOptional(
            UUID itemId,
            Level level,
            int count,
            List<String> codes,
            @Nullable String note,
            @Nullable LocalDate dueOn) {}

    record AddsRequired(
            UUID itemId,
            Level level,
            int count,
            List<String> codes,
            @Nullable String note,
            LocalDate dueOn) {}

    record RenamesItem(
            UUID thingId,
            Level level,
            int count,
            List<String> codes,
            @Nullable String note) {}

    record RetypesItemAndCount(
            String itemId,
            Level level,
            String count,
            List<String> codes,
            @Nullable String note) {}

    record LoosensItemTightensNote(@Nullable UUID itemId, Level level, int count, List<String> codes, String note) {}

    record AddsLevel(
            UUID itemId,
            LevelWithMedium level,
            int count,
            List<String> codes,
            @Nullable String note) {}

    record RemovesLevel(
            UUID itemId,
            LevelWithoutHigh level,
            int count,
            List<String> codes,
            @Nullable String note) {}

    record RetypesCodes(
            UUID itemId,
            Level level,
            int count,
            List<Integer> codes,
            @Nullable String note) {}

    private final CompatibilityCheck check = new CompatibilityCheck(Set.of());

    @Test
    void acceptsTheSameShapeAndRewordedDescriptions() {
        ObjectNode reworded = schema(Released.class);
        ((ObjectNode) reworded.path("properties").path("count")).put("description", "reworded");

        assertThat(problems(Released.class)).isEmpty();
        assertThat(check.breakingChanges(CE_TYPE, schema(Released.class), reworded))
                .isEmpty();
    }

    @Test
    void acceptsANewOptionalProperty() {
        assertThat(problems(AddsOptional.class)).isEmpty();
    }

    @Test
    void rejectsANewRequiredProperty() {
        assertThat(problems(AddsRequired.class))
                .singleElement()
                .asString()
                .startsWith("dueOn: new property is required");
    }

    @Test
    void rejectsARemovedOrRenamedProperty() {
        assertThat(problems(RenamesItem.class)).first().isEqualTo("itemId: removed or renamed");
        assertThat(problems(RenamesItem.class)).last().asString().startsWith("thingId: new property is required");
    }

    @Test
    void rejectsAChangedTypeOrFormat() {
        assertThat(problems(RetypesItemAndCount.class))
                .containsExactly(
                        "itemId: format changed from uuid to null", "count: type changed from [integer] to [string]");
    }

    @Test
    void rejectsAChangeOfNullabilityEitherWay() {
        assertThat(problems(LoosensItemTightensNote.class))
                .containsExactly(
                        "itemId: was required, is now optional",
                        "itemId: nullability changed from [string] to [string, null]",
                        "note: was optional, is now required",
                        "note: nullability changed from [string, null] to [string]");
    }

    @Test
    void rejectsARemovedEnumValue() {
        assertThat(problems(RemovesLevel.class)).containsExactly("level: enum value HIGH removed");
    }

    @Test
    void rejectsAnAddedEnumValueUnlessAccepted() {
        assertThat(problems(AddsLevel.class)).singleElement().asString().startsWith("level: enum value MEDIUM added");

        CompatibilityCheck accepting = new CompatibilityCheck(Set.of(CE_TYPE + " level MEDIUM"));
        assertThat(accepting.breakingChanges(CE_TYPE, schema(Released.class), schema(AddsLevel.class)))
                .isEmpty();
    }

    @Test
    void comparesListItems() {
        assertThat(problems(RetypesCodes.class)).containsExactly("codes[]: type changed from [string] to [integer]");
    }

    @Test
    void rejectsClosingThePayloadToAdditions() {
        ObjectNode closed = schema(Released.class).put("additionalProperties", false);

        assertThat(check.breakingChanges(CE_TYPE, schema(Released.class), closed))
                .hasSize(1);
    }

    record ClientEnrolledWithPronouns(
            UUID eventId,
            Instant occurredAt,
            UUID clientId,
            UUID enrollmentId,
            String trackCode,
            LocalDate startDate,
            String primaryClinicianId,
            AgeGroup ageGroup,
            String timeZone,
            @Nullable String preferredName,
            @Nullable String phone,
            @Nullable String email,
            boolean smsConsent,
            boolean emailConsent,
            @Nullable String pronouns) {}

    record ClientEnrolledWithoutEmail(
            UUID eventId,
            Instant occurredAt,
            UUID clientId,
            UUID enrollmentId,
            String trackCode,
            LocalDate startDate,
            String primaryClinicianId,
            AgeGroup ageGroup,
            String timeZone,
            @Nullable String preferredName,
            @Nullable String phone,
            boolean smsConsent,
            boolean emailConsent) {}

    @Test
    void judgesAnEvolvedRecordAgainstTheCheckedInBaseline() {
        EventType type = EventType.CLIENT_ENROLLED_V1;
        JsonNode released = CatalogueFiles.read(CatalogueFiles.baseline(type));

        assertThat(check.breakingChanges(
                        type.ceType(),
                        released,
                        SchemaGenerator.schemaFor(ClientEnrolledWithPronouns.class, type.ceType())))
                .isEmpty();
        assertThat(check.breakingChanges(
                        type.ceType(),
                        released,
                        SchemaGenerator.schemaFor(ClientEnrolledWithoutEmail.class, type.ceType())))
                .containsExactly("email: removed or renamed");
    }

    private List<String> problems(Class<?> evolved) {
        return check.breakingChanges(CE_TYPE, schema(Released.class), schema(evolved));
    }

    private static ObjectNode schema(Class<?> recordType) {
        return SchemaGenerator.schemaFor(recordType, CE_TYPE);
    }
}
