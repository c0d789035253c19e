package org.iopcare.notification.sandbox;

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
 */
@Validated
@ConfigurationProperties("iopcare.notification.sandbox")
public record SandboxProperties(
        @DefaultValue("3025") @Min(1) @Max(65535) int smtpPort,
        @DefaultValue("200") @Min(1) @Max(10_000) int keep,
        @NotNull @DefaultValue("300ms") Duration callbackDelay,
        @DefaultValue("5") @Min(1) @Max(20) int callbackAttempts) {}
