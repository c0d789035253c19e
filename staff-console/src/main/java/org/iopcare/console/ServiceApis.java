package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The four services' public APIs, called with the signed-in staff member's token from the session.
 * Nothing else reaches the services: the console has no store of its own and no back door. A service
 * that does not answer is reported by name on the page, never as an error page: the others' parts
 * still show.
 */
@Component
public class ServiceApis {

    public static final String INTAKE = "intake";
    public static final String SCHEDULING = "scheduling";
    public static final String TREATMENT_PLAN = "treatment-plan";
    public static final String NOTIFICATION = "notification";

    private final Map<String, RestClient> clients;

    /** Runs a page's calls side by side; the calls wait on the network, so threads are cheap here. */
    private final java.util.concurrent.ExecutorService calling =
            java.util.concurrent.Executors.newFixedThreadPool(32, runnable -> {
                Thread thread = new Thread(runnable, "service-call");
                thread.setDaemon(true);
                return thread;
            });

    ServiceApis(ConsoleProperties properties, RestClient.Builder http) {
        Map<String, RestClient> byName = new LinkedHashMap<>();
        // a service that hangs must not hang the page: the page shows that it did not answer
        org.springframework.http.client.JdkClientHttpRequestFactory requests =
                new org.springframework.http.client.JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                        .connectTimeout(java.time.Duration.ofSeconds(2))
                        .build());
        requests.setReadTimeout(java.time.Duration.ofSeconds(10));
        properties
                .services()
                .forEach(service -> byName.put(
                        service.name(),
                        http.clone()
                                .requestFactory(requests)
                                .baseUrl(service.baseUrl().toString())
                                .build()));
        this.clients = Collections.unmodifiableMap(byName);
    }

    public Answer get(String service, String pathAndQuery, HttpSession session) {
        return exchange(HttpMethod.GET, service, pathAndQuery, null, session);
    }

    public Answer post(String service, String path, Object body, HttpSession session) {
        return exchange(HttpMethod.POST, service, path, body, session);
    }

    public Answer patch(String service, String path, Object body, HttpSession session) {
        return exchange(HttpMethod.PATCH, service, path, body, session);
    }

    public Answer put(String service, String path, Object body, HttpSession session) {
        return exchange(HttpMethod.PUT, service, path, body, session);
    }

    /** The same GET to every service, side by side, in the order of {@link ConsoleProperties#services()}. */
    public List<Answer> getFromEach(String pathAndQuery, HttpSession session) {
        Map<String, String[]> calls = new LinkedHashMap<>();
        clients.keySet().forEach(service -> calls.put(service, new String[] {service, pathAndQuery}));
        return new ArrayList<>(getAll(calls, session).values());
    }

    /**
     * Several GETs side by side (a page that shows four services' parts waits for the slowest one,
     * not for their sum): name to {service, path}, answered as name to answer.
     */
    public Map<String, Answer> getAll(Map<String, String[]> calls, HttpSession session) {
        Map<String, java.util.concurrent.Future<Answer>> pending = new LinkedHashMap<>();
        calls.forEach((name, call) -> pending.put(name, calling.submit(() -> get(call[0], call[1], session))));
        Map<String, Answer> answers = new LinkedHashMap<>();
        pending.forEach((name, future) -> {
            try {
                answers.put(name, future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                answers.put(name, Answer.unavailable(calls.get(name)[0]));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answers.put(name, Answer.unavailable(calls.get(name)[0]));
            }
        });
        return answers;
    }

    private Answer exchange(
            HttpMethod method, String service, String path, @Nullable Object body, HttpSession session) {
        RestClient client = clients.get(service);
        SignedIn staff = SignedIn.of(session);
        if (client == null || staff == null) {
            return Answer.unavailable(service);
        }
        try {
            RestClient.RequestBodySpec request = client.method(method)
                    .uri(path)
                    .headers(headers -> headers.setBearerAuth(staff.accessToken()))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                Object answer = null;
                if (response.getHeaders().getContentLength() != 0 && status != 204) {
                    answer = response.bodyTo(Object.class);
                }
                return new Answer(service, status, answer);
            });
        } catch (RestClientException e) {
            // the exception text may quote an answer: only that the service did not answer is kept
            return Answer.unavailable(service);
        }
    }

    /**
     * What one service answered.
     *
     * @param service the service asked
     * @param status its HTTP status; 0 when it did not answer
     * @param body the JSON answer as maps and lists (a problem response on an error status); null when
     *     there was none
     */
    public record Answer(
            String service, int status, @Nullable Object body) {

        static Answer unavailable(String service) {
            return new Answer(service, 0, null);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean unavailable() {
            return status == 0;
        }

        /** The answer as a JSON object (empty when it was none). */
        @SuppressWarnings("unchecked")
        public Map<String, Object> object() {
            return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }

        /** The answer as a JSON array, or the {@code content} of a paged answer (empty when neither). */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            if (body instanceof List<?> list) {
                return (List<Map<String, Object>>) list;
            }
            if (object().get("content") instanceof List<?> content) {
                return (List<Map<String, Object>>) content;
            }
            return List.of();
        }

        /** The problem response's field errors: field name to message. */
        public Map<String, String> fieldErrors() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (!ok() && object().get("errors") instanceof List<?> list) {
                for (Object error : list) {
                    if (error instanceof Map<?, ?> map && map.get("field") != null) {
                        errors.merge(
                                String.valueOf(map.get("field")),
                                String.valueOf(map.get("message")),
                                (a, b) -> a + "; " + b);
                    }
                }
            }
            return errors;
        }

        /** What to tell the staff member when the call did not succeed. */
        public @Nullable String failure() {
            if (ok()) {
                return null;
            }
            if (unavailable()) {
                return "The " + service + " service did not answer; nothing was changed. Try again in a moment.";
            }
            Object detail = object().get("detail");
            Object title = object().get("title");
            String text = detail != null ? String.valueOf(detail) : title != null ? String.valueOf(title) : null;
            return switch (status) {
                case 401 -> "Your sign-in has expired. Sign in again.";
                case 403 -> "Your role does not allow this.";
                case 404 -> "Not found, or not on your caseload.";
                default -> text != null ? text : "The " + service + " service refused this (" + status + ").";
            };
        }
    }
}
