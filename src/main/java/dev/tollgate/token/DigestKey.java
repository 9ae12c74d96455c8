package dev.tollgate.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/**
 * Where the key of the token digests comes from. Never a silent default:
 * <ol>
 * <li>{@code tollgate.token.digest-key}, if set;
 * <li>else the key file ({@code tollgate.token.digest-key-file}, by default {@value #FILE_NAME} in the embedded
 * database's folder), if it exists;
 * <li>else, for a database that already holds tokens, the built-in <em>legacy</em> key that earlier releases used
 * silently: those tokens keep working, and the log says to rotate;
 * <li>else, on the embedded database, a new random key, written to the key file (owner-only) before first use;
 * <li>else (a shared database, several servers) no key at all: the start is refused, since each server would make
 * its own key and no token would work on the others.
 * </ol>
 * The key lives outside the database, so that a copy of the database cannot confirm guesses of custom token values.
 */
final class DigestKey {

    enum Source {
        CONFIGURED("tollgate.token.digest-key"),
        KEY_FILE("the key file"),
        GENERATED("a new key file"),
        LEGACY("the built-in legacy key");

        final String description;

        Source(String description) {
            this.description = description;
        }
    }

    record Resolved(String key, Source source, Path file) {
    }

    static final String LEGACY_KEY = "tollgate-default-digest-key";
    static final String FILE_NAME = "tollgate-digest.key";
    static final int MIN_FILE_KEY_LENGTH = 32;

    private DigestKey() {
    }

    /** {@code tokensExist} is asked only when neither a key nor a key file is there. */
    static Resolved resolve(String configured, Path keyFile, BooleanSupplier tokensExist, boolean embedded)
            throws IOException {
        if (configured != null && !configured.isBlank()) {
            return new Resolved(configured, Source.CONFIGURED, null);
        }
        if (Files.exists(keyFile)) {
            return new Resolved(read(keyFile), Source.KEY_FILE, keyFile);
        }
        if (tokensExist.getAsBoolean()) {
            return new Resolved(LEGACY_KEY, Source.LEGACY, null);
        }
        if (!embedded) {
            throw new IllegalStateException("Tollgate needs a digest key on a shared database: set "
                    + "tollgate.token.digest-key (the same secret on every server), or put the same key file on "
                    + "every server at " + keyFile + " (tollgate.token.digest-key-file)");
        }
        return generate(keyFile);
    }

    private static String read(Path keyFile) throws IOException {
        String key = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        if (key.length() < MIN_FILE_KEY_LENGTH) {
            throw new IllegalStateException("The digest key file " + keyFile + " holds fewer than "
                    + MIN_FILE_KEY_LENGTH + " characters: restore it from a backup (a new key would invalidate "
                    + "every token)");
        }
        return key;
    }

    private static Resolved generate(Path keyFile) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            try {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(keyFile);
            }
        } catch (FileAlreadyExistsException anotherStartWasFaster) {
            return new Resolved(read(keyFile), Source.KEY_FILE, keyFile);
        }
        Files.writeString(keyFile, key + "\n", StandardCharsets.US_ASCII);
        return new Resolved(key, Source.GENERATED, keyFile);
    }
}
