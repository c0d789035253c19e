package org.iopcare.localtools.devclock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.iopcare.support.web.ProblemException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local run only (profile {@code local}; absent everywhere else): scheduling's clock can be moved
 * ahead, so that the acceptance suite and a person following the walkthrough see sessions end and
 * start, and the missed-session sweep act, without waiting for real time. It moves scheduling's
 * time only; the other services keep the real clock.
 */
@RestController
@Profile("local")
class DevClockController {

    /**
     * How far to move the clock.
     *
     * @param by a positive duration, e.g. {@code PT11M}
     */
    record Advance(@NotNull Duration by) {}

    /**
     * Scheduling's time.
     *
     * @param now what scheduling takes as now
     * @param offset how far ahead of the real clock that is
     */
    record ClockView(Instant now, Duration offset) {}

    private final AdjustableClock clock;

    DevClockController(AdjustableClock clock) {
        this.clock = clock;
    }

    @GetMapping("/dev/clock")
    @PreAuthorize("hasRole('PROGRAM_ADMIN')")
    ClockView get() {
        return new ClockView(clock.instant(), clock.offset());
    }

    @PostMapping("/dev/clock/advance")
    @PreAuthorize("hasRole('PROGRAM_ADMIN')")
    ClockView advance(@Valid @RequestBody Advance request) {
        if (request.by().isNegative() || request.by().isZero()) {
            throw ProblemException.unprocessable("clock-moves-ahead", "by must be a positive duration");
        }
        clock.advance(request.by());
        return get();
    }

    /** Replaces the system clock of the shared service support in the local run. */
    @Configuration(proxyBeanMethods = false)
    @Profile("local")
    static class LocalClock {

        @Bean
        AdjustableClock clock() {
            return new AdjustableClock(Clock.systemUTC());
        }
    }
}
