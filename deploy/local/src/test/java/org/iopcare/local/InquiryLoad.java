package org.iopcare.local;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kill -9 proof's load: workers that each take inquiries through the pipeline as fast as intake
 * answers (the public form, then CONTACTED, SCREENING and CLOSED by a staff member), every second
 * family of two inquiries from the same email, so that one client id carries up to eight events on
 * two topics. Every request that changes something is retried until it is known to have taken
 * effect: the form with the same {@code Idempotency-Key}, a status step by looking at the inquiry
 * when intake says it already moved. While intake is down ({@link #pause()}) a failed request waits
 * for {@link #resume()}.
 */
final class InquiryLoad {

    private static final List<String> PIPELINE = List.of("CONTACTED", "SCREENING", "CLOSED");
    private static final int FAILURES_WHILE_UP = 50;

    private final IntakeApi api;
    private final String token;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Object gate = new Object();
    private boolean down;
    private volatile boolean running;

    InquiryLoad(IntakeApi api, String token) {
        this.api = api;
        this.token = token;
    }

    void start(int workerCount) {
        running = true;
        for (int i = 0; i < workerCount; i++) {
            int worker = i;
            Thread thread = new Thread(() -> work(worker), "inquiry-load-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    /** Lets the workers finish the request they are in, then stops them. */
    void stop() throws InterruptedException {
        running = false;
        resume();
        for (Thread worker : workers) {
            worker.join(60_000);
        }
    }

    /** Before intake is killed: failed requests wait for {@link #resume()} instead of counting against it. */
    void pause() {
        synchronized (gate) {
            down = true;
        }
    }

    void resume() {
        synchronized (gate) {
            down = false;
            gate.notifyAll();
        }
    }

    /** Requests that changed something (new inquiries and status steps), retried ones counted once. */
    long changes() {
        return changes.get();
    }

    /** Requests that failed (cut off by a kill, refused while intake was down) and were retried. */
    long failedRequests() {
        return failedRequests.get();
    }

    /** Why a worker gave up, if one did. */
    Throwable failure() {
        return failure.get();
    }

    private void work(int worker) {
        try {
            for (long family = 0; running; family++) {
                String email = "crash-" + run + "-" + worker + "-" + family + "@example.org";
                int inquiries = family % 2 == 0 ? 1 : 2;
                for (int i = 0; i < inquiries && running; i++) {
                    pipeline(email);
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private void pipeline(String email) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String inquiryId = null;
        for (int attempt = 0; inquiryId == null; attempt++) {
            try {
                HttpResponse<String> response = api.submit(email, key);
                if (response.statusCode() == 201) {
                    inquiryId = IntakeApi.inquiryId(response);
                } else {
                    failed("POST /api/inquiries answered " + response.statusCode(), attempt);
                }
            } catch (IOException e) {
                failed("POST /api/inquiries: " + e, attempt);
            }
        }
        changes.incrementAndGet();
        for (String status : PIPELINE) {
            if (!running) {
                return;
            }
            move(inquiryId, status);
            changes.incrementAndGet();
        }
    }

    private void move(String inquiryId, String status) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                int code = api.move(inquiryId, status, token).statusCode();
                if (code == 200) {
                    return;
                }
                // 409: an earlier attempt, cut off by the kill after its commit, already moved it.
                if (code == 409 && status.equals(api.status(inquiryId, token))) {
                    return;
                }
                failed("PATCH answered " + code, attempt);
            } catch (IOException e) {
                failed("PATCH: " + e, attempt);
            }
        }
    }

    private void failed(String what, int attempt) throws InterruptedException {
        failedRequests.incrementAndGet();
        boolean waited = false;
        synchronized (gate) {
            while (down && running) {
                gate.wait();
                waited = true;
            }
        }
        // A request may also fail just after the restart (a pooled connection to the killed process).
        if (!waited && attempt >= FAILURES_WHILE_UP) {
            throw new IllegalStateException("intake is up but keeps failing: " + what);
        }
    }
}
