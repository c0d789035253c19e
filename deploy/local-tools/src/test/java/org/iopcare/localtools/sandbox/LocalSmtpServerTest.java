package org.iopcare.localtools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.Test;

class LocalSmtpServerTest {

    private static final SandboxProperties.SmsFaults NO_FAULTS =
            new SandboxProperties.SmsFaults(0, Duration.ofSeconds(12), 0, 0);

    @Test
    void aTakenPortDoesNotStopTheService() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
            GreenMail smtp = new LocalSmtpServer()
                    .localSmtp(new SandboxProperties(
                            taken.getLocalPort(), 10, Duration.ofMillis(100), 1, Duration.ZERO, NO_FAULTS));
            assertThat(smtp.getReceivedMessages()).isEmpty();
            smtp.stop();
        }
    }

    @Test
    void listensOnThisMachineOnly() throws Exception {
        InetAddress external = nonLoopbackAddress()
                .orElseThrow(() -> new AssertionError("this machine has no non-loopback IPv4 address to try"));
        int port = TestPorts.reserve();
        GreenMail smtp = new LocalSmtpServer()
                .localSmtp(new SandboxProperties(port, 10, Duration.ofMillis(100), 1, Duration.ZERO, NO_FAULTS));
        try {
            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                assertThat(local.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> {
                        try (Socket remote = new Socket()) {
                            remote.connect(new InetSocketAddress(external, port), 2000);
                        }
                    })
                    .as("SMTP on %s:%d", external.getHostAddress(), port)
                    .isInstanceOf(ConnectException.class);
        } finally {
            smtp.stop();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(LocalSmtpServerTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
