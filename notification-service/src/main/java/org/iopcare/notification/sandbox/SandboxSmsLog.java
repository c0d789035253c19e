package org.iopcare.notification.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** What the sandbox provider received, in memory, newest first, at most {@code sandbox.keep}. */
@Component
@Profile("local")
class SandboxSmsLog {

    /** One message the sandbox provider accepted. */
    record Sms(String sid, String to, String from, String body, Instant time) {}

    private final Deque<Sms> messages = new ArrayDeque<>();
    private final int keep;

    SandboxSmsLog(SandboxProperties properties) {
        this.keep = properties.keep();
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
