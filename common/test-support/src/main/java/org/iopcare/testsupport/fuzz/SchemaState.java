package org.iopcare.testsupport.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Row count and a content checksum of every table in a service's schema, in one query built from
 * {@code information_schema}, except the tables named as bookkeeping that changes by itself.
 * The checksum ({@code sum(hashtext(row::text))}) also sees a refused write that updated a row in
 * place, which a row count would miss.
 */
public final class SchemaState implements StateProbe {

    private final DataSource dataSource;
    private final String schema;
    private final Set<String> excluded;
    private String query;

    /**
     * @param excluded tables left out of the snapshot, each for a reason the caller states: audit
     *     rows are appended for refused requests too, outbox rows are deleted by the relay after
     *     accepted writes, and so on.
     */
    public SchemaState(DataSource dataSource, String schema, Set<String> excluded) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Schema names are lower-case words: " + schema);
        }
        this.dataSource = dataSource;
        this.schema = schema;
        this.excluded = Set.copyOf(excluded);
    }

    @Override
    public Map<String, String> snapshot() {
        try (Connection c = dataSource.getConnection()) {
            if (query == null) {
                query = query(c);
            }
            Map<String, String> state = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery(query)) {
                while (rows.next()) {
                    state.put(rows.getString(1), rows.getLong(2) + " rows, checksum " + rows.getLong(3));
                }
            }
            return state;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the state of schema " + schema, e);
        }
    }

    /** The tables the snapshot covers. */
    public List<String> tables() {
        return List.copyOf(snapshot().keySet());
    }

    private String query(Connection c) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            s.setString(1, schema);
            try (ResultSet tables = s.executeQuery()) {
                while (tables.next()) {
                    String table = tables.getString(1);
                    if (!excluded.contains(table)) {
                        parts.add("SELECT '" + table + "', count(*), coalesce(sum(hashtext(t::text)::bigint), 0) FROM "
                                + schema + ".\"" + table + "\" t");
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("No tables in schema " + schema);
        }
        return String.join(" UNION ALL ", parts);
    }
}
