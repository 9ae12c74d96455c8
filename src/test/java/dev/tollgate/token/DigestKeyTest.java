package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestKeyTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredKeyWinsAndNoFileIsWritten() throws IOException {
        DigestKey.Resolved key = DigestKey.resolve("a configured secret", dir.resolve("k"), () -> {
            throw new AssertionError("a configured key needs no look at the database");
        }, false);
        assertEquals("a configured secret", key.key());
        assertEquals(DigestKey.Source.CONFIGURED, key.source());
        assertTrue(Files.notExists(dir.resolve("k")));
    }

    @Test
    void theFirstStartOnTheEmbeddedDatabaseWritesARandomKeyOnlyItsOwnerCanRead() throws IOException {
        Path file = dir.resolve("data").resolve(DigestKey.FILE_NAME);
        DigestKey.Resolved first = DigestKey.resolve(null, file, () -> false, true);
        assertEquals(DigestKey.Source.GENERATED, first.source());
        assertTrue(first.key().length() >= DigestKey.MIN_FILE_KEY_LENGTH);
        assertNotEquals(DigestKey.LEGACY_KEY, first.key());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        DigestKey.Resolved again = DigestKey.resolve(" ", file, () -> true, true);
        assertEquals(DigestKey.Source.KEY_FILE, again.source());
        assertEquals(first.key(), again.key(), "the next start reads the same key");
        assertNotEquals(first.key(), DigestKey.resolve(null, dir.resolve("other.key"), () -> false, true).key());
    }

    @Test
    void aDatabaseWithTokensFromBeforeKeepsTheLegacyKeyUntilTheOperatorRotates() throws IOException {
        DigestKey.Resolved key = DigestKey.resolve(null, dir.resolve(DigestKey.FILE_NAME), () -> true, true);
        assertEquals(DigestKey.Source.LEGACY, key.source());
        assertEquals("tollgate-default-digest-key", key.key(), "what earlier releases used");
        assertTrue(Files.notExists(dir.resolve(DigestKey.FILE_NAME)), "a new key would invalidate their tokens");
    }

    @Test
    void aSharedDatabaseWithoutAKeyRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DigestKey.resolve(null, dir.resolve(DigestKey.FILE_NAME), () -> false, false));
        assertTrue(refused.getMessage().contains("tollgate.token.digest-key"), refused.getMessage());
        assertTrue(Files.notExists(dir.resolve(DigestKey.FILE_NAME)));
    }

    @Test
    void aTruncatedKeyFileIsNotReplacedSilently() throws IOException {
        Path file = Files.writeString(dir.resolve(DigestKey.FILE_NAME), "short\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DigestKey.resolve(null, file, () -> false, true));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertEquals("short\n", Files.readString(file));
    }
}
