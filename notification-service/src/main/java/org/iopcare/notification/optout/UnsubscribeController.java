package org.iopcare.notification.optout;

import java.util.UUID;
import org.iopcare.support.security.PublicEndpoints;
import org.iopcare.support.web.ProblemException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-click unsubscribe of RFC 8058: the mail provider (or the client's mail program) POSTs
 * {@code List-Unsubscribe=One-Click} to the signed link of an email's {@code List-Unsubscribe}
 * header, without a token: the signature is the authority. It withdraws email for the client
 * ({@code recipient.email_opted_out_at}, checked before every send) and publishes it for intake
 * ({@link EmailOptOuts}); a second POST changes nothing.
 * A bad or tampered signature is a 403 problem and changes nothing.
 */
@RestController
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final EmailOptOuts optOuts;

    UnsubscribeController(UnsubscribeLinks links, EmailOptOuts optOuts) {
        this.links = links;
        this.optOuts = optOuts;
    }

    @PostMapping(UnsubscribeLinks.PATH)
    ResponseEntity<Void> unsubscribe(@RequestParam String client, @RequestParam String signature) {
        UUID clientId;
        try {
            clientId = UUID.fromString(client);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "bad-parameter", "Bad request", "client is not a client id");
        }
        if (!links.valid(clientId, signature)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "bad-signature", "Forbidden", "The link's signature does not match");
        }
        optOuts.unsubscribe(clientId);
        return ResponseEntity.ok().build();
    }

    /** Public: the link is opened by a mail provider, not by staff. */
    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        PublicEndpoints emailUnsubscribeEndpoint() {
            return PublicEndpoints.of(HttpMethod.POST, UnsubscribeLinks.PATH);
        }
    }
}
