package org.iopcare.notification.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalSmtpServerTest {

    @Test
    void aTakenPortDoesNotStopTheService() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
            GreenMail smtp = new LocalSmtpServer()
                    .localSmtp(new SandboxProperties(taken.getLocalPort(), 10, Duration.ofMillis(100), 1));
            assertThat(smtp.getReceivedMessages()).isEmpty();
            smtp.stop();
        }
    }
}
