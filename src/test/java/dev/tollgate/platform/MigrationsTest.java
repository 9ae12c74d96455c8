package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void splitsScriptsIntoStatementsAndDropsComments() {
        String script = "-- a comment; with a semicolon\nCREATE TABLE A (X INT);\n\nCREATE INDEX I ON A (X);\n";
        assertEquals(List.of("CREATE TABLE A (X INT)", "CREATE INDEX I ON A (X)"), Migrations.statements(script));
    }

    @Test
    void everyListedScriptExistsAndHasStatements() {
        List<String> scripts = Migrations.scripts();
        assertFalse(scripts.isEmpty());
        for (String script : scripts) {
            try (var in = Migrations.class.getResourceAsStream("/META-INF/sql/" + script)) {
                assertFalse(Migrations.statements(new String(in.readAllBytes())).isEmpty(), script);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfig() {
        assertEquals("TOLLGATE_ADMIN_PASSWORD", Configuration.environmentName("tollgate.admin.password"));
        assertEquals("TOLLGATE_TOKEN_DIGEST_KEY", Configuration.environmentName("tollgate.token.digest-key"));
    }
}
