package org.iopcare.notification.message;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageRepository extends JpaRepository<Message, UUID> {

    List<Message> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    boolean existsByIdempotencyKey(String idempotencyKey);
}
