package dev.tollgate.token;

import java.time.Duration;
import java.time.Instant;

/**
 * The tokens table's expiry filter: the tokens that need an admin's attention soon. A token "expires soon" within
 * {@link #SOON} (7 days), the window in which the table marks it.
 */
public enum ExpiryFilter {

    EXPIRED_OR_SOON("Expired or expiring within 7 days"),
    SOON("Expiring within 7 days"),
    EXPIRED("Expired");

    public static final Duration SOON_WINDOW = Duration.ofDays(7);

    private final String label;

    ExpiryFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The first expiry that matches, exclusive, or null for none: an expired token's expiry is not after now. */
    Instant after(Instant now) {
        return this == SOON ? now : null;
    }

    /** The last expiry that matches, inclusive. */
    Instant notAfter(Instant now) {
        return this == EXPIRED ? now : now.plus(SOON_WINDOW);
    }

    /** @return the filter named, or null for none and for anything that is not one */
    public static ExpiryFilter parse(String name) {
        for (ExpiryFilter filter : values()) {
            if (filter.name().equals(name)) {
                return filter;
            }
        }
        return null;
    }
}
