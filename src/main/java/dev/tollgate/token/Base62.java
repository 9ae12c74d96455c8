package dev.tollgate.token;

/** Base62 (0-9, A-Z, a-z): URL- and copy-safe, and what GitHub-style token scanners expect. */
final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    /** Encodes an unsigned number into exactly {@code width} characters, most significant first. */
    static String encode(long value, int width) {
        char[] out = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) Long.remainderUnsigned(rest, 62));
            rest = Long.divideUnsigned(rest, 62);
        }
        return new String(out);
    }

    static boolean isBase62(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
