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
 * Applies the numbered SQL scripts under {@code META-INF/sql/} that the database has not seen yet, each in one
 * transaction together with its row in {@code SCHEMA_VERSION}.
 *
 * <p>The scripts use plain SQL types that Derby and the usual external databases share. A new script is added to
 * {@code META-INF/sql/index.txt}; an applied script is never edited.
 */
class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private final Connection connection;

    Migrations(Connection connection) {
        this.connection = connection;
    }

    void apply() throws SQLException {
        createVersionTableIfMissing();
        List<String> applied = appliedScripts();
        for (String script : scripts()) {
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

    static List<String> scripts() {
        return Arrays.stream(read("/META-INF/sql/index.txt").split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
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
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
