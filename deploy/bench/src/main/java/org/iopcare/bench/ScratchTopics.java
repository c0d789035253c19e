package org.iopcare.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Topics that exist for one benchmark run only, named {@code bench-...-<random>} so that no service
 * consumes them, with as many partitions as the services' event topics; deleted at the end.
 */
final class ScratchTopics implements AutoCloseable {

    /** The services' {@code iopcare.kafka.partitions}. */
    static final int PARTITIONS = 6;

    private final Admin admin;
    private final List<String> created = new ArrayList<>();

    ScratchTopics(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(properties);
    }

    String create(String prefix) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        created.add(name);
        return name;
    }

    @Override
    public void close() throws Exception {
        try {
            if (!created.isEmpty()) {
                admin.deleteTopics(created).all().get(30, TimeUnit.SECONDS);
            }
        } finally {
            admin.close();
        }
    }
}
