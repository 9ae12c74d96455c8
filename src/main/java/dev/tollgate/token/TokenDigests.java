package dev.tollgate.token;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.naming.NamingException;

import dev.tollgate.platform.Configuration;
import dev.tollgate.platform.Database;

/**
 * One-way digests of token values: HMAC-SHA-256 under a key that is never a silent default ({@link DigestKey}:
 * {@code tollgate.token.digest-key}, a key file, or one generated at the first start on the embedded database).
 *
 * <p>Token values carry 190 random bits, so a fast approved hash is the right tool (NIST SP 800-63B): a slow
 * password hash would add nothing but latency to every API call. The key keeps a stolen database from confirming
 * guesses of custom values offline; changing it invalidates every token, so it is settled before the first token is
 * made, at the application's start, after the schema is in place. The log names the key's source, never the key.
 */
@ApplicationScoped
public class TokenDigests {

    private static final Logger LOG = Logger.getLogger(TokenDigests.class.getName());

    @Inject
    Configuration configuration;

    @Inject
    Database database;

    private SecretKeySpec key;

    /** Keyed once; each digest works on a clone, which costs far less than looking a Mac up and keying it. */
    private Mac prototype;

    public TokenDigests() {
    }

    TokenDigests(String key) {
        this.key = keyFrom(key);
        this.prototype = newMac();
    }

    /** Settles the key before any request can need it; a start without one fails with the reason. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) @Initialized(ApplicationScoped.class)
               Object applicationStarted) throws IOException {
        DigestKey.Resolved resolved = DigestKey.resolve(configuration.value("tollgate.token.digest-key").orElse(null),
                keyFile(), this::tokensExist, database.isEmbedded());
        key = keyFrom(resolved.key());
        prototype = newMac();
        if (resolved.source() == DigestKey.Source.LEGACY) {
            LOG.warning("Tollgate digests token values with the built-in legacy key, which every copy of Tollgate "
                    + "knows: anyone with a copy of the database can test guesses of custom token values offline. "
                    + "To rotate, write a random key of 32 or more characters to " + keyFile() + " (mode 0600) or set "
                    + "tollgate.token.digest-key, restart, and give every token a new value in the console: tokens "
                    + "digested with the old key stop working with the new one (README, Where the data lives).");
        } else {
            LOG.info(() -> "Tollgate digests token values with the key from " + resolved.source().description
                    + (resolved.file() == null ? "" : " " + resolved.file().toAbsolutePath()));
        }
    }

    private Path keyFile() {
        return configuration.value("tollgate.token.digest-key-file").filter(v -> !v.isBlank()).map(Path::of)
                .orElseGet(() -> Database.embeddedHome().resolve(DigestKey.FILE_NAME));
    }

    private boolean tokensExist() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM API_TOKEN")) {
            return rows.next() && rows.getLong(1) > 0;
        } catch (SQLException | NamingException e) {
            throw new IllegalStateException("Tollgate cannot tell whether its database holds tokens, so it cannot "
                    + "settle their digest key: " + e.getMessage(), e);
        }
    }

    public String digest(TokenValue value) {
        return digestOf(value.reveal()); // token values are ASCII: their UTF-8 is their ASCII
    }

    /** The keyed digest of any text, e.g. to remember what was typed into the token filter without keeping it. */
    String digestOf(String text) {
        Mac mac = copyOfPrototype();
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac copyOfPrototype() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static SecretKeySpec keyFrom(String key) {
        return new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
