package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** Flyway on embedded Derby: a new database, and one that the last release before Flyway made. */
class SchemaTest {

    private static EmbeddedDataSource freshDerby() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:schema-test-" + UUID.randomUUID());
        derby.setCreateDatabase("create");
        return derby;
    }

    private static List<String> scripts() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(Schema.class.getResource("/META-INF/sql").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+(_\\d+)?__.+\\.sql"))
                    .sorted().toList();
        }
    }

    private static List<String> query(EmbeddedDataSource derby, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = derby.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(EmbeddedDataSource derby, String sql) throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void appliesEveryScriptToANewDatabaseOnceAndOnlyOnce() throws Exception {
        EmbeddedDataSource derby = freshDerby();
        assertEquals(scripts().size(), Schema.migrate(derby));
        assertEquals(0, Schema.migrate(derby), "a second start applies nothing");
        assertEquals(List.of("0"), query(derby, "SELECT COUNT(*) FROM API_TOKEN"));
        assertEquals(List.of(String.valueOf(scripts().size())),
                query(derby, "SELECT COUNT(*) FROM \"" + Schema.HISTORY + "\" WHERE \"success\" = TRUE"));
    }

    @Test
    void adoptsADatabaseOfTheLastReleaseAndKeepsItsData() throws Exception {
        EmbeddedDataSource derby = freshDerby();
        try (Connection connection = derby.getConnection()) {
            new ReleasedMigrations(connection).apply();
        }
        execute(derby, "INSERT INTO API_TOKEN (VERSION, NAME, NAME_KEY, DIGEST, HINT, ACCESS_LEVEL, CREATED_AT,"
                + " UPDATED_AT) VALUES (0, 'Billing', 'billing', 'd1', 'tlg_ab', 'READ_ONLY', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)");

        int released = ReleasedMigrations.RELEASED.size();
        assertEquals(scripts().size() - released, Schema.migrate(derby), "only the scripts after the release run");

        assertEquals(List.of("Billing"), query(derby, "SELECT NAME FROM API_TOKEN"));
        assertEquals(List.of(String.valueOf(released)), query(derby, "SELECT \"version\" FROM \"" + Schema.HISTORY
                + "\" WHERE \"type\" = 'BASELINE'"));
        assertEquals(List.of(String.valueOf(released)), query(derby, "SELECT COUNT(*) FROM SCHEMA_VERSION"),
                "the old table is left as it was");
        assertEquals(0, Schema.migrate(derby), "adopted once: the next start applies nothing");
    }

    @Test
    void refusesAnOldVersionTableWithAGap() throws Exception {
        EmbeddedDataSource derby = freshDerby();
        execute(derby, "CREATE TABLE SCHEMA_VERSION (SCRIPT VARCHAR(200) NOT NULL PRIMARY KEY,"
                + " APPLIED_AT TIMESTAMP NOT NULL)");
        execute(derby, "INSERT INTO SCHEMA_VERSION VALUES ('V1__api_tokens.sql', CURRENT_TIMESTAMP)");
        execute(derby, "INSERT INTO SCHEMA_VERSION VALUES ('V3__accounts_and_audit.sql', CURRENT_TIMESTAMP)");
        SQLException refused = assertThrows(SQLException.class, () -> Schema.migrate(derby));
        assertTrue(refused.getMessage().contains("gap"), refused.getMessage());
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfig() {
        assertEquals("TOLLGATE_ADMIN_PASSWORD", Configuration.environmentName("tollgate.admin.password"));
        assertEquals("TOLLGATE_TOKEN_DIGEST_KEY", Configuration.environmentName("tollgate.token.digest-key"));
    }
}
