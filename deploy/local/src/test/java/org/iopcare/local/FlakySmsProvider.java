package org.iopcare.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Twilio-compatible SMS provider in the test JVM, so it outlives every kill of notification-service:
 * the calls {@code TwilioSms} makes (send, status lookup, list by recipient) over real HTTP with basic
 * auth, and faults drawn at random per send. Every message it takes is kept with the
 * {@code Idempotency-Key} it came with (the dispatcher sends the message id), so a second copy of one
 * message is counted here, where a client would receive it. It does not honour the key: a provider
 * that deduplicated would hide exactly what the dispatch proof looks for.
 *
 * <p>A send is taken (stored) the moment it arrives, before any delay: the reconciliation's
 * "absent for" rule relies on a provider that does not store a request minutes after it came.
 */
final class FlakySmsProvider implements AutoCloseable {

    /** Numbers with this prefix are refused as invalid (Twilio's 400, code 21211). */
    static final String REFUSED_PREFIX = "+1999";

    /**
     * The shares of sends that meet each fault (drawn once per send, in this order) and the delays.
     *
     * @param error answered 503 before anything is stored
     * @param resetBefore the connection closes before anything is stored or answered
     * @param resetAfter stored, then the connection closes in the middle of the answer
     * @param timeout stored, answered after {@code timeoutBy} (past the client's read timeout)
     * @param slow stored, answered after up to {@code slowBy} (within the read timeout)
     * @param latency every other answer comes after up to this
     */
    record Faults(
            double error,
            double resetBefore,
            double resetAfter,
            double timeout,
            double slow,
            Duration timeoutBy,
            Duration slowBy,
            Duration latency) {}

    /** A message the provider took. */
    record Taken(String sid, String idempotencyKey, String to, String body, Instant created) {}

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final String account;
    private final String expectedAuthorization;
    private final Faults faults;
    private final Random random;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Taken> bySid = new ConcurrentHashMap<>();
    private final Map<String, List<Taken>> byKey = new ConcurrentHashMap<>();
    private final Map<String, List<Taken>> byTo = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    FlakySmsProvider(String account, String token, Faults faults, long seed) throws IOException {
        this.account = account;
        this.expectedAuthorization =
                "Basic " + Base64.getEncoder().encodeToString((account + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.faults = faults;
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "flaky-sms-provider");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/2010-04-01/Accounts/", this::handle);
        server.start();
    }

    /** The base URL notification-service is given ({@code iopcare.notification.sms.base-url}). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sends that arrived (every attempt, whatever became of it). */
    long requests() {
        return count("requests");
    }

    /** Messages taken (stored), copies included. */
    long taken() {
        return bySid.size();
    }

    /** How often each outcome happened: requests, error, reset-before, reset-after, timeout, slow, refused, lookup, list. */
    long count(String outcome) {
        AtomicLong count = counts.get(outcome);
        return count == null ? 0 : count.get();
    }

    /** Every message taken, per idempotency key. */
    Map<String, List<Taken>> byKey() {
        Map<String, List<Taken>> copy = new HashMap<>();
        byKey.forEach((key, list) -> {
            synchronized (list) {
                copy.put(key, List.copyOf(list));
            }
        });
        return copy;
    }

    /** Every message taken, per recipient number. */
    Map<String, Integer> perRecipient() {
        Map<String, Integer> copy = new HashMap<>();
        byTo.forEach((to, list) -> {
            synchronized (list) {
                copy.put(to, list.size());
            }
        });
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean reset = false;
        try {
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String messages = "/2010-04-01/Accounts/" + account + "/Messages";
            String method = exchange.getRequestMethod();
            if (path.equals(messages + ".json") && method.equals("POST")) {
                send(exchange);
            } else if (path.equals(messages + ".json") && method.equals("GET")) {
                list(exchange);
            } else if (path.startsWith(messages + "/") && path.endsWith(".json") && method.equals("GET")) {
                lookup(exchange, path.substring(messages.length() + 1, path.length() - ".json".length()));
            } else {
                answer(exchange, 404, "{\"code\":20404,\"message\":\"Not found\",\"status\":404}");
            }
        } catch (ConnectionReset e) {
            // out of the handler: the server closes the connection as it stands
            reset = true;
            throw e;
        } finally {
            if (!reset) {
                exchange.close();
            }
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        increment("requests");
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        String body = form.get("Body");
        if (to == null || body == null || form.get("From") == null) {
            answer(exchange, 400, "{\"code\":21602,\"message\":\"Body and From are required\",\"status\":400}");
            return;
        }
        if (to.startsWith(REFUSED_PREFIX)) {
            increment("refused");
            answer(exchange, 400, "{\"code\":21211,\"message\":\"Invalid 'To' number\",\"status\":400}");
            return;
        }
        double draw;
        double delay;
        synchronized (random) {
            draw = random.nextDouble();
            delay = random.nextDouble();
        }
        double edge = faults.error();
        if (draw < edge) {
            increment("error");
            answer(exchange, 503, "{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}");
            return;
        }
        edge += faults.resetBefore();
        if (draw < edge) {
            increment("reset-before");
            throw new ConnectionReset();
        }
        Taken taken = new Taken(
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                to,
                body,
                Instant.now());
        store(taken);
        String answer = "{\"sid\":\"" + taken.sid() + "\",\"account_sid\":\"" + account
                + "\",\"status\":\"queued\",\"date_created\":\""
                + RFC_2822.format(taken.created().atZone(ZoneOffset.UTC))
                + "\"}";
        edge += faults.resetAfter();
        if (draw < edge) {
            increment("reset-after");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, 4096);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"sid\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new ConnectionReset();
        }
        edge += faults.timeout();
        Duration wait;
        if (draw < edge) {
            increment("timeout");
            wait = faults.timeoutBy();
        } else if (draw < edge + faults.slow()) {
            increment("slow");
            wait = Duration.ofMillis((long) (delay * faults.slowBy().toMillis()));
        } else {
            wait = Duration.ofMillis((long) (delay * faults.latency().toMillis()));
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        answer(exchange, 201, answer);
    }

    private void store(Taken taken) {
        bySid.put(taken.sid(), taken);
        List<Taken> sameKey = byKey.computeIfAbsent(String.valueOf(taken.idempotencyKey()), k -> new ArrayList<>());
        synchronized (sameKey) {
            sameKey.add(taken);
        }
        List<Taken> sameTo = byTo.computeIfAbsent(taken.to(), k -> new ArrayList<>());
        synchronized (sameTo) {
            sameTo.add(taken);
        }
    }

    /** Twilio's status lookup; the provider delivers everything it took. */
    private void lookup(HttpExchange exchange, String sid) throws IOException {
        increment("lookup");
        Taken taken = bySid.get(sid);
        if (taken == null) {
            answer(exchange, 404, "{\"code\":20404,\"message\":\"Not found\",\"status\":404}");
        } else {
            answer(exchange, 200, resource(taken));
        }
    }

    /** Twilio's message list, filtered by recipient ({@code To}); one page holds them all here. */
    private void list(HttpExchange exchange) throws IOException {
        increment("list");
        String query = exchange.getRequestURI().getRawQuery();
        String to = query == null ? null : form(query).get("To");
        List<Taken> found = new ArrayList<>();
        List<Taken> sameTo = to == null ? null : byTo.get(to);
        if (sameTo != null) {
            synchronized (sameTo) {
                found.addAll(sameTo);
            }
        }
        StringBuilder page = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < found.size(); i++) {
            page.append(i == 0 ? "" : ",").append(resource(found.get(i)));
        }
        answer(exchange, 200, page.append("],\"page\":0}").toString());
    }

    private String resource(Taken taken) {
        return "{\"sid\":\"" + taken.sid() + "\",\"account_sid\":\"" + account + "\",\"to\":\"" + taken.to()
                + "\",\"body\":\"" + json(taken.body()) + "\",\"status\":\"delivered\",\"date_created\":\""
                + RFC_2822.format(taken.created().atZone(ZoneOffset.UTC)) + "\"}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void increment(String outcome) {
        counts.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Thrown from the handler: the JDK's server closes the connection without (the rest of) an
     * answer, so the client has sent its request and cannot know whether it was taken.
     */
    private static final class ConnectionReset extends RuntimeException {
        ConnectionReset() {
            super("connection reset on purpose", null, false, false);
        }
    }
}
