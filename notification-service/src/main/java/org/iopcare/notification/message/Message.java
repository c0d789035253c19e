package org.iopcare.notification.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message to one destination, with its delivery state. */
@Entity
@Table(name = "message")
public class Message {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String destination;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;

    @Column(name = "source_event_id", nullable = false)
    private UUID sourceEventId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    private int attempts;

    /** Held back until then (the client's send window), or the next retry; null: due now. */
    @Column(name = "next_attempt_at")
    private @Nullable Instant nextAttemptAt;

    @Column(name = "status_detail")
    private @Nullable String statusDetail;

    @Version
    private long version;

    protected Message() {}

    Message(
            UUID clientId,
            Audience audience,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            UUID sourceEventId,
            String idempotencyKey,
            Instant now,
            @Nullable Instant notBefore) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.audience = audience;
        this.kind = kind;
        this.channel = channel;
        this.destination = destination;
        this.body = body;
        this.status = DeliveryStatus.QUEUED;
        this.idempotencyKey = idempotencyKey;
        this.sourceEventId = sourceEventId;
        this.createdAt = now;
        this.statusChangedAt = now;
        this.nextAttemptAt = notBefore != null && notBefore.isAfter(now) ? notBefore : null;
    }

    /** One message per event, template and channel, however often the event arrives. */
    static String idempotencyKey(UUID eventId, MessageKind kind, Channel channel) {
        return eventId + ":" + kind + ":" + channel;
    }

    /**
     * One message per event, template, channel and staff recipient, for an alert that goes to
     * several people; the recipient's id travels as a name-based UUID, so the key stays short.
     */
    static String idempotencyKey(UUID eventId, MessageKind kind, Channel channel, String recipient) {
        return idempotencyKey(eventId, kind, channel) + ":"
                + UUID.nameUUIDFromBytes(recipient.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public UUID id() {
        return id;
    }

    public UUID clientId() {
        return clientId;
    }

    public Audience audience() {
        return audience;
    }

    public MessageKind kind() {
        return kind;
    }

    public Channel channel() {
        return channel;
    }

    public String destination() {
        return destination;
    }

    public String body() {
        return body;
    }

    public DeliveryStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public int attempts() {
        return attempts;
    }

    public @Nullable String statusDetail() {
        return statusDetail;
    }
}
