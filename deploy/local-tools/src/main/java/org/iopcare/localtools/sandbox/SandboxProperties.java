package org.iopcare.localtools.sandbox;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local run's sandbox (profile {@code local} only).
 *
 * @param smtpPort where the local SMTP server listens ({@code spring.mail.port} must say the same)
 * @param keep how many SMS {@code GET /sandbox/sms} keeps (the oldest are forgotten; emails stay in the SMTP server)
 * @param callbackDelay how long the sandbox provider waits before reporting a message delivered
 * @param callbackAttempts how often it tries the report (a report can overtake the commit of SENT: 409)
 * @param smsLatency how long the sandbox provider takes to answer a send, as a real one does
 * @param smsFaults the share of sends the sandbox provider fails on purpose, for chaos runs
 *     ({@link SmsFaults}); none by default
 */
@Validated
@ConfigurationProperties("iopcare.notification.sandbox")
public record SandboxProperties(
        @DefaultValue("3025") @Min(1) @Max(65535) int smtpPort,
        @DefaultValue("200") @Min(1) @Max(100_000) int keep,
        @NotNull @DefaultValue("300ms") Duration callbackDelay,
        @DefaultValue("5") @Min(1) @Max(20) int callbackAttempts,
        @NotNull @DefaultValue("40ms") Duration smsLatency,
        @NotNull @DefaultValue SmsFaults smsFaults) {

    /**
     * How a flaky provider misbehaves, each a share of sends from 0 to 1, drawn at random per request.
     *
     * @param slow answered after {@code slowBy} (past the client's read timeout): the message is taken
     * @param slowBy how late a slow answer comes
     * @param error a 503 answer: the message is not taken
     * @param reset the connection breaks after the request arrived: the message is taken half the time
     */
    public record SmsFaults(
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0")
            double slow,

            @NotNull @DefaultValue("12s") Duration slowBy,

            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0")
            double error,

            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0")
            double reset) {}
}
