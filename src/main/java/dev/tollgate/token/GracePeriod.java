package dev.tollgate.token;

import java.time.Duration;

/**
 * How long a rotated token's old value keeps working, as an admin picks it: long enough to roll the new value out
 * to every client, at most a week, so that a forgotten rotation does not leave two secrets alive for good.
 */
public enum GracePeriod {

    NONE(Duration.ZERO, "no grace"),
    HOUR(Duration.ofHours(1), "1 hour"),
    DAY(Duration.ofHours(24), "24 hours"),
    THREE_DAYS(Duration.ofDays(3), "3 days"),
    WEEK(Duration.ofDays(7), "7 days");

    /** What the console offers first. */
    public static final GracePeriod DEFAULT = DAY;

    private final Duration length;
    private final String label;

    GracePeriod(Duration length, String label) {
        this.length = length;
        this.label = label;
    }

    public Duration length() {
        return length;
    }

    public String label() {
        return label;
    }
}
