package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Servers that start at the same moment on one empty PostgreSQL database: Flyway's lock lets one migrate, the
 * others find the schema done, and none fails. Runs in the postgresql profile, on a schema of its own.
 */
@Tag("postgresql")
class MigrationRaceIT {

    private static final int SERVERS = 4;
    private final String schema = "race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static PGSimpleDataSource postgresql(String schema) {
        PGSimpleDataSource postgresql = new PGSimpleDataSource();
        postgresql.setServerNames(new String[] {env("TOLLGATE_DB_HOST")});
        postgresql.setPortNumbers(new int[] {Integer.parseInt(env("TOLLGATE_DB_PORT"))});
        postgresql.setDatabaseName(env("TOLLGATE_DB_NAME"));
        postgresql.setUser(env("TOLLGATE_DB_USER"));
        postgresql.setPassword(env("TOLLGATE_DB_PASSWORD"));
        if (schema != null) {
            postgresql.setCurrentSchema(schema);
        }
        return postgresql;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run this test with mvn -Ppostgresql verify");
        }
        return value;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = postgresql(null).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @BeforeEach
    void emptySchema() throws SQLException {
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void serversStartingTogetherEndWithOneSchemaAndNoError() throws Exception {
        CyclicBarrier together = new CyclicBarrier(SERVERS);
        ExecutorService servers = Executors.newFixedThreadPool(SERVERS);
        try {
            List<Future<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < SERVERS; i++) {
                Callable<Integer> start = () -> {
                    PGSimpleDataSource dataSource = postgresql(schema);
                    together.await();
                    return Schema.migrate(dataSource);
                };
                starts.add(servers.submit(start));
            }
            int applied = 0;
            for (Future<Integer> start : starts) {
                applied += start.get(); // rethrows any server's failure
            }
            int scripts = count("SELECT COUNT(*) FROM " + schema + ".flyway_schema_history WHERE success");
            assertEquals(scripts, applied, "every script applied once, by one of the servers");
            assertEquals(scripts, count("SELECT COUNT(DISTINCT version) FROM " + schema + ".flyway_schema_history"));
            assertEquals(1, count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name = '" + "API_TOKEN".toLowerCase(Locale.ROOT) + "'"));
        } finally {
            servers.shutdownNow();
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = postgresql(null).getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
