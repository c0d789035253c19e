package org.iopcare.localtools.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sandbox provider's outgoing webhooks, as Twilio sends them: form-encoded POSTs over real
 * HTTP, signed with the account's auth token ({@link SandboxSignature} over the exact URL called).
 * Sent from a background thread, like a provider would, so the API answer does not wait for them.
 */
@Component
@Profile("local")
class SandboxCallbacks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallbacks.class);

    private final SandboxSignature signature;
    private final SandboxProperties properties;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-sms-callbacks");
        thread.setDaemon(true);
        return thread;
    });

    SandboxCallbacks(SandboxAccount provider, SandboxProperties properties) {
        this.signature = new SandboxSignature(provider.authToken());
        this.properties = properties;
    }

    /** Posts now and waits for the answer's status (the reply injection reports it to its caller). */
    int post(String url, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SandboxSignature.HEADER, signature.sign(url, params))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }

    /**
     * Posts after {@code callback-delay}; a 409 (the report overtook the commit of SENT) or a
     * failure is tried again, up to {@code callback-attempts} times.
     */
    void postLater(String url, Map<String, String> params) {
        schedule(url, params, 1);
    }

    private void schedule(String url, Map<String, String> params, int attempt) {
        executor.schedule(
                () -> {
                    int status = post(url, params);
                    if ((status == 409 || status >= 500) && attempt < properties.callbackAttempts()) {
                        schedule(url, params, attempt + 1);
                    } else if (status >= 300) {
                        // only the status: the parameters hold a phone number
                        log.warn("Sandbox status callback answered {} after {} attempts", status, attempt);
                    }
                },
                properties.callbackDelay().toMillis() * attempt,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
