package dev.tollgate.token;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A raw token value: the secret an API client sends. It lives only in memory and is shown to the admin once.
 *
 * <p>Generated values look like {@code tlg_} + 32 base62 characters (190 bits from {@link SecureRandom}) + a
 * 6-character base62 CRC32 of the random part, as GitHub's tokens do: a scanner recognises a leaked token by its
 * prefix, and a mistyped or forged one is rejected by its checksum without touching the database. Admins may also
 * specify their own value: 20 to 200 visible ASCII characters; a custom value that starts with the prefix must be
 * a well-formed generated value, so that the checksum rule stays true for everything that carries the prefix.
 * A new custom value must also hold no {@code :} (HTTP Basic, which carries the token as the user name, would cut it
 * there) and at least {@value #CUSTOM_MIN_DISTINCT} distinct characters (so that {@code aaaa…} or {@code abab…}
 * cannot be set). Values presented to the API are judged by the older, looser rules, so that a custom value set
 * before these rules existed keeps working.
 *
 * <p>The {@link #hint()} that tables, the audit trail and the log show is the prefix and 4 characters of a value
 * that carries the prefix, and only the first 4 characters of any other, so that a custom value never gives away
 * more of itself than a generated one.
 */
public final class TokenValue {

    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    public static final int CUSTOM_MIN = 20;
    public static final int CUSTOM_MAX = 200;
    static final int CUSTOM_MIN_DISTINCT = 8;
    private static final int HINT_CHARACTERS = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final int hintLength;

    private TokenValue(String value, String prefix) {
        this.value = value;
        this.hintLength = prefix != null && value.startsWith(prefix + "_")
                ? prefix.length() + 1 + HINT_CHARACTERS : HINT_CHARACTERS;
    }

    public static TokenValue generate(String prefix) {
        StringBuilder random = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random.append(Base62.ALPHABET.charAt(RANDOM.nextInt(Base62.ALPHABET.length())));
        }
        return new TokenValue(prefix + "_" + random + checksum(random), prefix);
    }

    /**
     * A value an admin typed: checked against the rules for custom values.
     *
     * @throws InvalidTokenException with a message fit to show at the field
     */
    public static TokenValue custom(String text, String prefix) {
        String problem = problemWithCustom(text, prefix);
        if (problem == null) {
            problem = problemWithNewCustom(text);
        }
        if (problem != null) {
            throw new InvalidTokenException("value", problem);
        }
        return new TokenValue(text, prefix);
    }

    /**
     * Whether a presented value could be a token at all: a well-formed generated value, or a custom value that
     * does not claim the prefix. Cheap and free of I/O: the API rejects anything else without a database query.
     */
    public static boolean isPlausible(String text, String prefix) {
        return text != null && problemWithCustom(text, prefix) == null;
    }

    /** Wraps a presented value that passed {@link #isPlausible}, for digesting. */
    public static TokenValue presented(String text, String prefix) {
        return new TokenValue(Objects.requireNonNull(text), prefix);
    }

    static String problemWithCustom(String text, String prefix) {
        if (text == null || text.length() < CUSTOM_MIN || text.length() > CUSTOM_MAX) {
            return "A token must be " + CUSTOM_MIN + " to " + CUSTOM_MAX + " characters long.";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                return "A token may contain only visible ASCII characters, no spaces.";
            }
        }
        if (text.startsWith(prefix + "_") && !isWellFormedGenerated(text, prefix)) {
            return "A token that starts with \"" + prefix + "_\" must be one that Tollgate generated.";
        }
        return null;
    }

    /** The rules a new custom value must meet beyond those for presented values. */
    private static String problemWithNewCustom(String text) {
        if (text.indexOf(':') >= 0) {
            return "A token may not contain \":\" (HTTP Basic authentication could not carry it).";
        }
        if (text.chars().distinct().count() < CUSTOM_MIN_DISTINCT) {
            return "A token needs at least " + CUSTOM_MIN_DISTINCT + " different characters; this one is too easy"
                    + " to guess.";
        }
        return null;
    }

    static boolean isWellFormedGenerated(String text, String prefix) {
        int start = prefix.length() + 1;
        if (text.length() != start + RANDOM_LENGTH + CHECKSUM_LENGTH || !text.startsWith(prefix + "_")) {
            return false;
        }
        String random = text.substring(start, start + RANDOM_LENGTH);
        String check = text.substring(start + RANDOM_LENGTH);
        return Base62.isBase62(random) && checksum(random).equals(check);
    }

    static String checksum(CharSequence random) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < random.length(); i++) {
            crc.update(random.charAt(i));
        }
        return Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
    }

    /** The raw secret, for the one time it is shown. */
    public String reveal() {
        return value;
    }

    /** A short, non-secret reminder for tables: the prefix and first characters, e.g. {@code tlg_AbCd}. */
    public String hint() {
        return value.substring(0, Math.min(hintLength, value.length()));
    }

    /** Never the secret: a token value that ends up in a log or a message shows only its hint. */
    @Override
    public String toString() {
        return hint() + "…";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenValue that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
