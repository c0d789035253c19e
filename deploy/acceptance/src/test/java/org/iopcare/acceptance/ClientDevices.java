package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iopcare.acceptance.Http.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A client's phone and mailbox: what the local run's sandbox SMS provider and SMTP server received
 * for them, and their SMS replies, signed and delivered to notification-service as the provider would.
 */
final class ClientDevices {

    private final AcceptancePlatform platform;

    ClientDevices(AcceptancePlatform platform) {
        this.platform = platform;
    }

    /** Every SMS sent to the number, newest first. */
    List<JsonNode> sms(String phone) {
        return list(platform.notification + "/sandbox/sms?to=" + Http.encode(phone));
    }

    /** Every email sent to the address, newest first. */
    List<JsonNode> emails(String address) {
        return list(platform.notification + "/sandbox/email?to=" + Http.encode(address));
    }

    /** The client texts {@code body} from {@code phone}. */
    Reply reply(String phone, String body) {
        return Http.post(platform.notification + "/sandbox/sms/reply", null, Map.of("from", phone, "body", body));
    }

    /** The SMS the phone received with the text staff see for {@code message}, if any. */
    Optional<JsonNode> smsMatching(String phone, JsonNode message) {
        String body = normalized(message.path("body").asString());
        return sms(phone).stream()
                .filter(sms -> normalized(sms.path("body").asString()).equals(body))
                .findFirst();
    }

    /** The email the mailbox received with the text staff see for {@code message}, if any. */
    Optional<JsonNode> emailMatching(String address, JsonNode message) {
        String body = normalized(message.path("body").asString());
        return emails(address).stream()
                .filter(email -> normalized(email.path("body").asString()).equals(body))
                .findFirst();
    }

    static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static List<JsonNode> list(String url) {
        Reply reply = Http.get(url, null);
        assertThat(reply.status()).as("%s: %s", url, reply).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().forEach(items::add);
        return items;
    }
}
