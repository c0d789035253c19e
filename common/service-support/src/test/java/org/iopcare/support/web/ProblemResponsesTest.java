package org.iopcare.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void aFailedVersionCheckIsAConflictNotAnInternalError() {
        ResponseEntity<ProblemDetail> response =
                responses.concurrentWrite(new OptimisticLockingFailureException("Row was updated by another"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().getType()).isEqualTo(ProblemResponses.CONFLICT);
    }

    @Test
    void aUniqueIndexRefusalIsAConflictAndEchoesNothingOfTheDriversMessage() {
        ResponseEntity<ProblemDetail> response = responses.concurrentWrite(new DataIntegrityViolationException(
                "duplicate key value violates unique constraint: Key (email)=(sam@example.org) already exists"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().getDetail()).doesNotContain("sam@example.org", "email");
    }
}
