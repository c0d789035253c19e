package org.iopcare.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the database to the shape the services expect, on every start and without harm when it is
 * already there: database {@code iopcare}; per service a login role and a schema of the same name
 * owned by it, so that each service can migrate only its own tables, and a second login role
 * ({@code <schema>_app}) the service runs as, which may use the schema and is given its privileges
 * on the tables by the service after migrating; nothing in {@code public}.
 */
final class DatabaseSetup {

    private final LocalPostgres postgres;
    private final ServicePasswords passwords;

    DatabaseSetup(LocalPostgres postgres, ServicePasswords passwords) {
        this.postgres = postgres;
        this.passwords = passwords;
    }

    void apply(List<String> schemas) {
        try {
            try (Connection admin = connect("postgres")) {
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", LocalPostgres.DATABASE)) {
                    execute(admin, "CREATE DATABASE " + LocalPostgres.DATABASE + " ENCODING 'UTF8'");
                }
                List<String> roles = new ArrayList<>();
                for (String schema : schemas) {
                    roles.add(schema);
                    roles.add(ServiceSpec.runtimeRole(schema));
                }
                for (String role : roles) {
                    String password = passwords.of(role);
                    String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
                    // Set on every start: the stored password is the truth, even if the role predates it.
                    execute(
                            admin,
                            verb + " ROLE " + identifier(role) + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                                    + " PASSWORD " + literal(password));
                }
            }
            try (Connection admin = connect(LocalPostgres.DATABASE)) {
                execute(admin, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                for (String role : schemas) {
                    String name = identifier(role);
                    execute(admin, "CREATE SCHEMA IF NOT EXISTS " + name + " AUTHORIZATION " + name);
                    execute(admin, "ALTER SCHEMA " + name + " OWNER TO " + name);
                    execute(admin, "REVOKE CREATE ON SCHEMA public FROM " + name);
                    String runtime = identifier(ServiceSpec.runtimeRole(role));
                    execute(admin, "REVOKE CREATE ON SCHEMA public FROM " + runtime);
                    execute(admin, "GRANT USAGE ON SCHEMA " + name + " TO " + runtime);
                    // Unqualified names of a service's own SQL land in its own schema.
                    for (String user : List.of(name, runtime)) {
                        execute(
                                admin,
                                "ALTER ROLE " + user + " IN DATABASE " + LocalPostgres.DATABASE + " SET search_path = "
                                        + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StartupException("Cannot prepare database " + LocalPostgres.DATABASE + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), LocalPostgres.SUPERUSER, "");
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Role and schema names come from the launcher's own list; quoting keeps them exact anyway. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
