package org.iopcare.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-model load generator: request {@code i} is due at {@code start + i / rate}, sent then
 * whether or not earlier ones have been answered, and its latency is counted from that due time,
 * not from when it actually left. A slow server therefore shows as slow (no coordinated omission):
 * requests it held back are not quietly sent later and timed from then.
 */
final class OpenLoad {

    /** One request: when it was due (wall clock), its latency from then, and its status (-1: no answer). */
    record Sent(long index, Instant due, double millis, int status) {}

    private final HttpClient client;

    OpenLoad(HttpClient client) {
        this.client = client;
    }

    List<Sent> run(double perSecond, double seconds, LongFunction<HttpRequest> request) throws InterruptedException {
        int count = Math.max(1, (int) Math.round(perSecond * seconds));
        long periodNanos = (long) (1e9 / perSecond);
        Instant wallStart = Instant.now();
        long start = System.nanoTime();
        List<CompletableFuture<Sent>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long index = i;
            Instant dueWall = wallStart.plusNanos(due - start);
            answers.add(client.sendAsync(request.apply(index), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> new Sent(
                            index,
                            dueWall,
                            (System.nanoTime() - due) / 1e6,
                            failure == null ? response.statusCode() : -1)));
        }
        List<Sent> sent = new ArrayList<>(count);
        for (CompletableFuture<Sent> answer : answers) {
            try {
                sent.add(answer.get(60, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("A request of the load got no outcome", e);
            }
        }
        return sent;
    }

    static double percentile(List<Sent> sent, double percent) {
        double[] millis = sent.stream().mapToDouble(Sent::millis).sorted().toArray();
        return Percentiles.of(millis, percent);
    }
}
