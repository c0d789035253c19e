package org.iopcare.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records messages to send and answers what was sent. */
@Service
public class Messages {

    private final MessageRepository repository;
    private final Clock clock;

    Messages(MessageRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Queues a message unless this event already produced it on this channel. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(
            UUID clientId,
            Audience audience,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            UUID sourceEventId) {
        if (repository.existsByIdempotencyKey(Message.idempotencyKey(sourceEventId, kind, channel))) {
            return;
        }
        Instant now = Instant.now(clock);
        repository.save(new Message(clientId, audience, kind, channel, destination, body, sourceEventId, now));
    }

    @Transactional(readOnly = true)
    public List<Message> forClient(UUID clientId) {
        return repository.findByClientIdOrderByCreatedAtDesc(clientId);
    }

    @Transactional(readOnly = true)
    public Message get(UUID id) {
        return repository.findById(id).orElseThrow(() -> ProblemException.notFound("Message", id));
    }
}
