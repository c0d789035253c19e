package org.iopcare.localtools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxSmsLogTest {

    private final SandboxSmsLog log = new SandboxSmsLog(new SandboxProperties(
            3025,
            3,
            Duration.ofMillis(300),
            5,
            Duration.ofMillis(40),
            new SandboxProperties.SmsFaults(0, Duration.ofSeconds(12), 0, 0)));

    @Test
    void findsByIdAndRecipientNewestFirstAndForgetsTheOldestBeyondWhatItKeeps() {
        Instant now = Instant.parse("2026-12-07T20:00:00Z");
        log.record(new SandboxSmsLog.Sms("SM1", "+15550000001", "+15550100199", "one", now));
        log.record(new SandboxSmsLog.Sms("SM2", "+15550000002", "+15550100199", "two", now));
        log.record(new SandboxSmsLog.Sms("SM3", "+15550000001", "+15550100199", "three", now));

        assertThat(log.bySid("SM2")).get().extracting(SandboxSmsLog.Sms::body).isEqualTo("two");
        assertThat(log.to("+15550000001")).extracting(SandboxSmsLog.Sms::sid).containsExactly("SM3", "SM1");

        log.record(new SandboxSmsLog.Sms("SM4", "+15550000002", "+15550100199", "four", now));

        assertThat(log.bySid("SM1")).isEmpty();
        assertThat(log.to("+15550000001")).extracting(SandboxSmsLog.Sms::sid).containsExactly("SM3");
        assertThat(log.to("+15550000002")).extracting(SandboxSmsLog.Sms::sid).containsExactly("SM4", "SM2");
        assertThat(log.to("+15550009999")).isEmpty();
    }
}
