package org.iopcare.testports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestPortsTest {

    private static final EphemeralRange HERE = EphemeralRange.ofThisMachine();

    @Test
    void theKernelHandsOutPortZeroFromTheEphemeralRangeWhereOutgoingConnectionsTakeTheirsToo() throws Exception {
        // why a bind-to-0 port is unsafe for a server started later: it is one of these
        try (ServerSocket socket = new ServerSocket(0)) {
            assertThat(HERE.contains(socket.getLocalPort()))
                    .as("port %d in %s", socket.getLocalPort(), HERE)
                    .isTrue();
        }
    }

    @Test
    void reservedPortsLieOutsideTheEphemeralRangeAndAreFree() throws Exception {
        int[] ports = TestPorts.reserve(20);

        assertThat(ports).hasSize(20).doesNotHaveDuplicates();
        for (int port : ports) {
            assertThat(HERE.contains(port)).as("port %d in %s", port, HERE).isFalse();
            assertThat(port).isBetween(TestPorts.LOWEST, 65535);
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void concurrentCallersInOneJvmNeverGetTheSamePort() throws Exception {
        int callers = 8;
        List<Integer> candidates = TestPorts.candidates(HERE);
        // every caller starts at the same candidate: without the reservation they would all get it
        int start = candidates.size() / 3;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return TestPorts.reserve(10, candidates, start);
                }));
            }
            go.countDown();
            Set<Integer> all = ConcurrentHashMap.newKeySet();
            int total = 0;
            for (Future<int[]> result : results) {
                int[] ports = result.get(30, TimeUnit.SECONDS);
                total += ports.length;
                Arrays.stream(ports).forEach(all::add);
            }
            assertThat(all).hasSize(total).hasSize(callers * 10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherJvmNeverGetsAPortThisOneHolds() throws Exception {
        List<Integer> candidates = TestPorts.candidates(HERE);
        int start = candidates.size() / 2;
        int[] mine = TestPorts.reserve(15, candidates, start);

        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldPorts.class.getName(),
                        "15",
                        Integer.toString(start))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("ports of the other JVM").isNotBlank();
            int[] theirs = Arrays.stream(line.strip().split(" "))
                    .mapToInt(Integer::parseInt)
                    .toArray();

            assertThat(theirs).hasSize(15);
            assertThat(Arrays.stream(theirs).boxed().toList())
                    .doesNotContainAnyElementsOf(Arrays.stream(mine).boxed().toList());
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(10, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
    }

    @Test
    void readsTheKernelsRange() {
        assertThat(EphemeralRange.parse("32768\t60999\n")).isEqualTo(new EphemeralRange(32768, 60999));
        assertThatThrownBy(() -> EphemeralRange.parse("60999 32768")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EphemeralRange.of(Path.of("/nonexistent/ip_local_port_range")))
                .isEqualTo(EphemeralRange.UNKNOWN);
    }

    @Test
    void candidatesSkipTheEphemeralRangeWhereverItLies() {
        List<Integer> low = TestPorts.candidates(new EphemeralRange(10000, 40000));
        assertThat(low).first().isEqualTo(40001);
        List<Integer> linux = TestPorts.candidates(new EphemeralRange(32768, 60999));
        assertThat(linux).contains(20000, 32767, 61000, 65535).doesNotContain(32768, 45000, 60999);
    }
}
