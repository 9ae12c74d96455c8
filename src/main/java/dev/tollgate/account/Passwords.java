package dev.tollgate.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.security.SecureRandom;
import java.util.Map;

/**
 * Admin passwords: the rules a new one must meet, hashing with Jakarta Security's {@link Pbkdf2PasswordHash}, and
 * checking a typed password against a stored hash.
 *
 * <p>PBKDF2-HMAC-SHA512 with 210,000 iterations is OWASP's current advice for PBKDF2. The stored string carries
 * its algorithm, iterations and salt, so these numbers can be raised later without breaking stored hashes.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    static final int GENERATED_LENGTH = 24;
    static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pbkdf2PasswordHash hash;

    /** A hash of a random password: checking against it costs what a real check costs. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(HASH_PARAMETERS);
        decoy = hash.generate(generate().toCharArray());
    }

    /** Hashes a new password after checking it against the rules. */
    String hash(String password) {
        String problem = problemWith(password);
        if (problem != null) {
            throw new AccountException("password", problem);
        }
        return hash.generate(password.toCharArray());
    }

    boolean matches(String password, String storedHash) {
        return password != null && hash.verify(password.toCharArray(), storedHash);
    }

    /**
     * Spends the time of a real check and fails, so that a sign-in with an unknown account name takes as long as
     * one with a wrong password and does not tell which names exist.
     */
    boolean matchesNothing(String password) {
        hash.verify((password == null ? "" : password).toCharArray(), decoy);
        return false;
    }

    /** What is wrong with a new password, or null. */
    static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "A password must be at least " + MIN_LENGTH + " characters long.";
        }
        if (password.length() > MAX_LENGTH) {
            return "A password may be at most " + MAX_LENGTH + " characters long.";
        }
        return null;
    }

    /** A random password of 24 characters from a 57-character alphabet without look-alikes: over 139 bits. */
    static String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
