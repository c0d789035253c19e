package org.iopcare.local;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks a broker whether it serves requests, through kafka-clients' {@link Admin}. A bare TCP connect
 * is not enough: the broker binds its port before it has joined its own quorum, and it lists itself
 * in the cluster only once it is unfenced.
 */
final class KafkaProbe {

    private KafkaProbe() {}

    /** The number of brokers the node reports, or -1 if it does not answer (yet). */
    static int brokers(String host, int port, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                host + ":" + port,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "iopcare-launcher",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                millis,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG,
                (long) millis,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
                (long) millis,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG,
                50L,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG,
                50L);
        Admin admin = Admin.create(config);
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .nodes()
                    .get(millis, TimeUnit.MILLISECONDS)
                    .size();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            admin.close(Duration.ZERO);
        }
    }
}
