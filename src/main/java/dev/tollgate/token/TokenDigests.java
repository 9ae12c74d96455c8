package dev.tollgate.token;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tollgate.platform.Configuration;

/**
 * One-way digests of token values: HMAC-SHA-256 keyed with {@code tollgate.token.digest-key}.
 *
 * <p>Token values carry 190 random bits, so a fast approved hash is the right tool (NIST SP 800-63B): a slow
 * password hash would add nothing but latency to every API call. The key keeps a stolen database from confirming
 * guesses offline; changing it invalidates every token, so set it once, before the first token is made.
 */
@ApplicationScoped
public class TokenDigests {

    static final String DEFAULT_KEY = "tollgate-default-digest-key";

    @Inject
    Configuration configuration;

    private SecretKeySpec key;

    /** Keyed once; each digest works on a clone, which costs far less than looking a Mac up and keying it. */
    private Mac prototype;

    public TokenDigests() {
    }

    TokenDigests(String key) {
        this.key = keyFrom(key);
        this.prototype = newMac();
    }

    @PostConstruct
    void init() {
        key = keyFrom(configuration.value("tollgate.token.digest-key", DEFAULT_KEY));
        prototype = newMac();
    }

    public String digest(TokenValue value) {
        Mac mac = copyOfPrototype();
        return HexFormat.of().formatHex(mac.doFinal(value.reveal().getBytes(StandardCharsets.US_ASCII)));
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
