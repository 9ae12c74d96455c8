package dev.tollgate.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The schema runner of the releases before Flyway, kept verbatim but for its script list, so that a test can make a
 * database exactly as an installed release did and upgrade it: it applied the listed scripts under
 * {@code META-INF/sql/} that the database had not seen yet, each in one transaction with its row in
 * {@code SCHEMA_VERSION}.
 */
class ReleasedMigrations {

    /** What the last release before Flyway shipped (its index.txt). */
    static final List<String> RELEASED = List.of("V1__api_tokens.sql", "V2__settings.sql",
            "V3__accounts_and_audit.sql", "V4__token_sort_indexes.sql");

    private static final Logger LOG = Logger.getLogger(ReleasedMigrations.class.getName());

    private final Connection connection;

    ReleasedMigrations(Connection connection) {
        this.connection = connection;
    }

    void apply() throws SQLException {
        createVersionTableIfMissing();
        List<String> applied = appliedScripts();
        for (String script : RELEASED) {
            if (!applied.contains(script)) {
                run(script);
            }
        }
    }

    private void createVersionTableIfMissing() throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of("SCHEMA_VERSION", "schema_version")) {
            try (ResultSet tables = meta.getTables(null, null, name, null)) {
                if (tables.next()) {
                    return;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE SCHEMA_VERSION (SCRIPT VARCHAR(200) NOT NULL PRIMARY KEY,"
                    + " APPLIED_AT TIMESTAMP NOT NULL)");
        }
    }

    private List<String> appliedScripts() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SCRIPT FROM SCHEMA_VERSION")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        return applied;
    }

    private void run(String script) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read("/META-INF/sql/" + script))) {
                statement.executeUpdate(sql);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO SCHEMA_VERSION (SCRIPT, APPLIED_AT) VALUES (?, CURRENT_TIMESTAMP)")) {
                record.setString(1, script);
                record.executeUpdate();
            }
            connection.commit();
            LOG.info(() -> "Applied database script " + script);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Splits a script on semicolons that end a line; comment lines ({@code --}) are dropped. */
    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";\\s*\\n"))
                .map(String::trim)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = ReleasedMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
