package org.iopcare.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class EventDecoderTest {

    private static final String TYPE = "org.iopcare.intake.inquiry-received.v1";
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventDecoder decoder = new EventDecoder(json, 4096);

    private final InquiryReceived event = new InquiryReceived(
            UUID.randomUUID(),
            Instant.parse("2026-11-27T10:15:30Z"),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Sam",
            "+16175550123",
            null,
            ContactChannel.SMS,
            true,
            null);

    private Message<byte[]> record(String payload, String ceType, String ceId) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(payload.getBytes(StandardCharsets.UTF_8));
        if (ceType != null) {
            builder.setHeader("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
        }
        if (ceId != null) {
            builder.setHeader("ce_id", ceId);
        }
        return builder.build();
    }

    @Test
    void decodesAnEventOfItsType() {
        String payload = json.writeValueAsString(event);

        assertThat(decoder.decode(record(payload, TYPE, event.eventId().toString()), InquiryReceived.class))
                .contains(event);
    }

    @Test
    void readsTheAttributesUnderAnyCloudEventsPrefix() {
        Message<byte[]> message = MessageBuilder.withPayload(json.writeValueAsBytes(event))
                .setHeader("ce-type", TYPE)
                .setHeader("ce-id", event.eventId().toString())
                .build();

        assertThat(decoder.decode(message, InquiryReceived.class)).contains(event);
    }

    @Test
    void skipsAnotherVersionOfTheSameEvent() {
        String payload = json.writeValueAsString(event);

        assertThat(decoder.decode(
                        record(payload, "org.iopcare.intake.inquiry-received.v2", null), InquiryReceived.class))
                .isEmpty();
    }

    @Test
    void refusesPoisonWithoutQuotingIt() {
        String valid = json.writeValueAsString(event);
        assertPoison(record("{\"firstName\": \"Sam Secret", TYPE, null), "not a valid InquiryReceived");
        assertPoison(record(valid, null, null), "no ce_type");
        assertPoison(record(valid, "org.iopcare.intake.enrolled.v1", null), "where " + TYPE);
        assertPoison(record(valid.replace("\"SMS\"", "\"PIGEON\""), TYPE, null), "not a valid");
        assertPoison(
                record(valid.replace("\"contactConsent\":true", "\"contactConsent\":null"), TYPE, null), "not a valid");
        assertPoison(record("{\"eventId\":\"" + event.eventId() + "\"}", TYPE, null), "not a valid");
        assertPoison(
                record(valid.replace("\"inquiryId\":\"" + event.inquiryId() + "\",", ""), TYPE, null),
                "Required field 'inquiryId'");
        assertPoison(record(valid, TYPE, UUID.randomUUID().toString()), "differs");
        assertPoison(record("null", TYPE, null), "JSON null");
        assertPoison(record("x".repeat(5000), TYPE, null), "exceeds the limit");
    }

    private void assertPoison(Message<byte[]> message, String reason) {
        assertThatThrownBy(() -> decoder.decode(message, InquiryReceived.class))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining(reason)
                .message()
                .doesNotContain("Sam")
                .doesNotContain("+1617")
                .doesNotContain("Secret");
    }
}
