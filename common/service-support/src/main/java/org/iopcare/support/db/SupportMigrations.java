package org.iopcare.support.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the service's own scripts, then the shared support tables (outbox, processed events)
 * into the same schema with a separate history table, so the two version lines never collide.
 */
public class SupportMigrations implements FlywayMigrationStrategy {

    static final String SUPPORT_LOCATION = "classpath:db/support";
    static final String SUPPORT_HISTORY_TABLE = "support_schema_history";

    @Override
    public void migrate(Flyway flyway) {
        flyway.migrate();
        Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .locations(SUPPORT_LOCATION)
                .table(SUPPORT_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
