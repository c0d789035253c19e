package org.iopcare.intake.client;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientRepository extends JpaRepository<Client, UUID> {}
