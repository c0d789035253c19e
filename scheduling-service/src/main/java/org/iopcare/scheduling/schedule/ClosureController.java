package org.iopcare.scheduling.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Closures of the program or one track: made, listed and withdrawn. No client data. */
@RestController
class ClosureController {

    private final Cancellations cancellations;
    private final ClosureWithdrawal withdrawal;
    private final ClosureStore closures;
    private final Clock clock;

    ClosureController(Cancellations cancellations, ClosureWithdrawal withdrawal, ClosureStore closures, Clock clock) {
        this.cancellations = cancellations;
        this.withdrawal = withdrawal;
        this.closures = closures;
        this.clock = clock;
    }

    /**
     * A closure of the program or one track.
     *
     * @param firstDay first closed local day
     * @param lastDay last closed local day (inclusive)
     * @param trackCode the closed track; absent closes every track and individual session
     */
    record ClosureRequest(
            @NotNull LocalDate firstDay,
            @NotNull LocalDate lastDay,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String trackCode) {}

    @PostMapping("/api/closures")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SCHEDULER','PROGRAM_ADMIN')")
    Cancellations.Closed close(@Valid @RequestBody ClosureRequest request, Authentication staff) {
        return cancellations.close(request.firstDay(), request.lastDay(), request.trackCode(), staff.getName());
    }

    /** Closures whose last day is on or after {@code from} (default: yesterday in UTC, so today's in every zone). */
    @GetMapping("/api/closures")
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    List<ClosureStore.Closure> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return closures.notOverBy(
                from == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1) : from);
    }

    /** Withdraws a closure before its first day; what it cancelled is booked again where it still fits. */
    @DeleteMapping("/api/closures/{id}")
    @PreAuthorize("hasAnyRole('SCHEDULER','PROGRAM_ADMIN')")
    ClosureWithdrawal.Withdrawn withdraw(@PathVariable UUID id) {
        return withdrawal.withdraw(id);
    }
}
