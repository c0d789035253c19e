package org.iopcare.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

class InputRulesTest {

    @Test
    void textMayHoldLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(PlainText.isAcceptable("Sam Rivera\r\n\tnotes — ünïcödé ✓")).isTrue();
        assertThat(PlainText.isAcceptable("a\u0000b")).isFalse();
        assertThat(PlainText.isAcceptable("a\u001bb")).isFalse();
        assertThat(PlainText.isAcceptable("a\u007fb")).isFalse();
        assertThat(PlainText.isAcceptable("a\u0085b")).isFalse();
        assertThat(PlainText.isAcceptable(null)).isTrue();
    }

    @Test
    void datesAreHeldToTheYears1900To2200() {
        assertThat(DateBounds.isAcceptable(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(DateBounds.isAcceptable(LocalDate.of(2200, 12, 31))).isTrue();
        assertThat(DateBounds.isAcceptable(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(DateBounds.isAcceptable(LocalDate.of(6_000_000, 1, 1))).isFalse();
        assertThat(DateBounds.isAcceptable(LocalDate.of(-4800, 1, 1))).isFalse();
        assertThat(DateBounds.isAcceptable(LocalDateTime.of(2201, 1, 1, 0, 0))).isFalse();
        assertThat(DateBounds.isAcceptable(OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC)))
                .isTrue();
        assertThat(DateBounds.isAcceptable(Instant.MIN)).isFalse();
        assertThat(DateBounds.isAcceptable(Instant.MAX)).isFalse();
        assertThat(DateBounds.isAcceptable(Instant.parse("2026-03-01T09:00:00Z")))
                .isTrue();
        assertThat(DateBounds.isAcceptable("not a date")).isTrue();
    }

    @Test
    void theContainersErrorPageIsAProblemThatNamesNeitherPathNorMessage() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/clients/sam-rivera");
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_MESSAGE, "Invalid URI sam-rivera");

        var response = new ProblemErrorController().error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getDetail()).doesNotContain("sam-rivera");
        assertThat(problem.getInstance()).isNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
}
