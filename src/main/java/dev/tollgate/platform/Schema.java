package dev.tollgate.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings the schema to the newest script under {@code META-INF/sql/} ({@code V<n>__what.sql}) with Flyway.
 *
 * <p>Flyway rather than our own runner: it takes a database lock while it migrates (PostgreSQL: an advisory lock;
 * Derby: a table lock), so that several servers starting at once on one empty database end with one schema and no
 * error, and it checks that no applied script was edited since (checksums).
 *
 * <p>Databases made by releases before Flyway kept their applied scripts in {@code SCHEMA_VERSION}. Such a database
 * is adopted once: Flyway's history starts with a baseline at the highest script it lists (those scripts are not run
 * again) and then applies the newer ones. {@code SCHEMA_VERSION} is left as it was, so that nothing is lost.
 */
public final class Schema {

    static final String LOCATION = "classpath:META-INF/sql";
    static final String HISTORY = "flyway_schema_history";
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__.+\\.sql");
    private static final Logger LOG = Logger.getLogger(Schema.class.getName());

    private Schema() {
    }

    /** Applies what the database has not seen yet; returns how many scripts that was. */
    public static int migrate(DataSource dataSource) throws SQLException {
        Integer released = releasedVersion(dataSource);
        Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY)
                .baselineVersion(MigrationVersion.fromVersion(String.valueOf(released == null ? 0 : released)))
                .baselineDescription("adopted from SCHEMA_VERSION")
                .load();
        if (released != null) {
            flyway.baseline();
            LOG.info(() -> "Adopted the database's SCHEMA_VERSION: scripts up to V" + released + " were applied");
        }
        // Flyway logs each script it applies.
        return flyway.migrate().migrationsExecuted;
    }

    /**
     * The highest script a pre-Flyway release applied (0 if it applied none), if this database was made by one and
     * Flyway has not adopted it yet; null otherwise. The old runner applied the scripts in order, so a gap means someone edited the table.
     */
    static Integer releasedVersion(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (hasTable(connection, HISTORY) || !hasTable(connection, "SCHEMA_VERSION")) {
                return null;
            }
            List<Integer> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT SCRIPT FROM SCHEMA_VERSION")) {
                while (rows.next()) {
                    Matcher script = SCRIPT.matcher(rows.getString(1).trim());
                    if (!script.matches()) {
                        throw new SQLException("SCHEMA_VERSION lists an unknown script: " + rows.getString(1));
                    }
                    versions.add(Integer.valueOf(script.group(1)));
                }
            }
            versions.sort(null);
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i) != i + 1) {
                    throw new SQLException("SCHEMA_VERSION has a gap before V" + versions.get(i)
                            + "; repair it before upgrading: " + versions);
                }
            }
            return versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String spelling : List.of(name, name.toUpperCase(Locale.ROOT),
                name.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(null, connection.getSchema(), spelling, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
