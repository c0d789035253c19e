package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void readsTheKernelsTables() {
        List<ListeningSockets.Socket> sockets = ListeningSockets.parse(List.of(
                "  sl  local_address rem_address   st tx_queue",
                "   0: 0100007F:4A94 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1",
                "   1: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 2",
                "   2: 0100007F:4A94 0100007F:9C40 01 00000000:00000000 00:00000000 00000000 0 0 3",
                "   3: 0000000000000000FFFF00000100007F:1F92 00000000000000000000000000000000:0000 0A 0",
                "   4: 00000000000000000000000000000000:1F93 00000000000000000000000000000000:0000 0A 0",
                "   5: 00000000000000000000000001000000:1F94 00000000000000000000000000000000:0000 0A 0"));

        assertThat(sockets)
                .containsExactly(
                        new ListeningSockets.Socket("127.0.0.1", 19092),
                        new ListeningSockets.Socket("0.0.0.0", 8081),
                        new ListeningSockets.Socket("::ffff:127.0.0.1", 8082),
                        new ListeningSockets.Socket("::", 8083),
                        new ListeningSockets.Socket("::1", 8084));
        assertThat(sockets)
                .extracting(ListeningSockets.Socket::isLoopback)
                .containsExactly(true, false, true, false, true);
    }

    @Test
    void seesASocketOfThisJvm() throws Exception {
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket everywhere = new ServerSocket(0)) {
            assertThat(ListeningSockets.on(loopback.getLocalPort()))
                    .isNotEmpty()
                    .allMatch(ListeningSockets.Socket::isLoopback);
            assertThat(ListeningSockets.on(everywhere.getLocalPort()))
                    .isNotEmpty()
                    .noneMatch(ListeningSockets.Socket::isLoopback);
        }
    }
}
