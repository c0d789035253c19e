package org.iopcare.localtools.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** What the sandbox provider received, in memory, newest first, at most {@code sandbox.keep}. */
@Component
@Profile("local")
class SandboxSmsLog {

    /** One message the sandbox provider accepted. */
    record Sms(String sid, String to, String from, String body, Instant time) {}

    /** What the sandbox provider counted: sends, sends with an idempotency key, keys seen more than once. */
    record Counts(long received, long keyed, long distinctKeys, long repeatedKeys) {}

    private final Deque<Sms> messages = new ArrayDeque<>();
    private final Map<String, Integer> keys = new HashMap<>();
    private final int keep;
    private long received;
    private long keyed;
    private long repeated;

    SandboxSmsLog(SandboxProperties properties) {
        this.keep = properties.keep();
    }

    /**
     * Counts one request the provider took, by its {@code Idempotency-Key} when it has one (the
     * keys are message ids, never contact data; a local run's count, forgotten on restart).
     */
    synchronized void count(String idempotencyKey) {
        received++;
        if (idempotencyKey != null) {
            keyed++;
            if (keys.merge(idempotencyKey, 1, Integer::sum) == 2) {
                repeated++;
            }
        }
    }

    synchronized Counts counts() {
        return new Counts(received, keyed, keys.size(), repeated);
    }

    synchronized void record(Sms sms) {
        messages.addFirst(sms);
        while (messages.size() > keep) {
            messages.removeLast();
        }
    }

    synchronized Optional<Sms> bySid(String sid) {
        return messages.stream().filter(m -> m.sid().equals(sid)).findFirst();
    }

    synchronized List<Sms> to(String number) {
        return messages.stream().filter(m -> m.to().equals(number)).toList();
    }
}
