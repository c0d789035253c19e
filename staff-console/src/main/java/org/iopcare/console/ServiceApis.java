package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The four services' public APIs, called with the signed-in staff member's token from the session.
 * A service that does not answer is reported by name on the page, never as an error page: the others'
 * parts still show.
 */
@Component
class ServiceApis {

    private final Map<String, RestClient> clients;

    ServiceApis(ConsoleProperties properties, RestClient.Builder http) {
        java.util.LinkedHashMap<String, RestClient> byName = new java.util.LinkedHashMap<>();
        properties
                .services()
                .forEach(service -> byName.put(
                        service.name(),
                        http.clone().baseUrl(service.baseUrl().toString()).build()));
        this.clients = java.util.Collections.unmodifiableMap(byName);
    }

    /** What one service answered, or why it did not. */
    record Answer(String service, JsonNode body, String unavailable) {}

    Answer get(String service, String pathAndQuery, HttpSession session) {
        SignedIn staff = (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        try {
            JsonNode body = clients.get(service)
                    .get()
                    .uri(pathAndQuery)
                    .headers(headers -> headers.setBearerAuth(staff.accessToken()))
                    .retrieve()
                    .body(JsonNode.class);
            return new Answer(service, body, null);
        } catch (RestClientException e) {
            // the exception text may quote an answer: only its kind is kept
            return new Answer(service, null, e.getClass().getSimpleName());
        }
    }

    /** A POST with a JSON body; the service's status code, or 0 when it did not answer. */
    int post(String service, String path, Object body, HttpSession session) {
        SignedIn staff = (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        RestClient client = clients.get(service);
        if (client == null) {
            return 0;
        }
        try {
            return client.post()
                    .uri(path)
                    .headers(headers -> headers.setBearerAuth(staff.accessToken()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .onStatus(status -> true, (request, response) -> {})
                    .toBodilessEntity()
                    .getStatusCode()
                    .value();
        } catch (RestClientException e) {
            return 0;
        }
    }

    /** The same request to every service. */
    List<Answer> getFromEach(String pathAndQuery, HttpSession session) {
        List<Answer> answers = new ArrayList<>();
        clients.keySet().forEach(service -> answers.add(get(service, pathAndQuery, session)));
        return answers;
    }
}
