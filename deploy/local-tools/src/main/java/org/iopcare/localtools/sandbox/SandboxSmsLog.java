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
    // looked up as a provider's API does, by sid and by recipient, without a scan of everything kept
    private final Map<String, Sms> bySid = new HashMap<>();
    private final Map<String, Deque<Sms>> byTo = new HashMap<>();
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
        bySid.put(sms.sid(), sms);
        byTo.computeIfAbsent(sms.to(), to -> new ArrayDeque<>()).addFirst(sms);
        while (messages.size() > keep) {
            Sms oldest = messages.removeLast();
            bySid.remove(oldest.sid());
            Deque<Sms> same = byTo.get(oldest.to());
            same.removeLast();
            if (same.isEmpty()) {
                byTo.remove(oldest.to());
            }
        }
    }

    synchronized Optional<Sms> bySid(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    /** Newest first, as the list of all. */
    synchronized List<Sms> to(String number) {
        Deque<Sms> same = byTo.get(number);
        return same == null ? List.of() : List.copyOf(same);
    }
}
