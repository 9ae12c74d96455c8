package dev.tollgate.api;

/**
 * Why a request was not authenticated. The log names the reason; the client learns only whether its token has
 * expired, so that a guesser cannot tell a malformed value from an unknown one.
 */
enum Failure {

    MISSING("no credentials", false),
    MALFORMED("malformed credentials", true),
    UNKNOWN("unknown token", true),
    EXPIRED("expired token", true),
    // A value rotated out whose grace is over: a client that was not given the new one yet.
    REPLACED("rotated-out token value", true);

    private static final String GENERIC = "This request needs a valid API token: send \"Authorization: Bearer"
            + " <token>\", or Basic authentication with the token as user name.";

    private final String reason;
    private final boolean counted;

    Failure(String reason, boolean counted) {
        this.reason = reason;
        this.counted = counted;
    }

    /** For the log. */
    String reason() {
        return reason;
    }

    /** Whether it counts towards throttling: a token was presented and refused. */
    boolean counted() {
        return counted;
    }

    /** For the client. */
    String detail() {
        return switch (this) {
            case EXPIRED -> "The API token has expired. Ask an administrator for a new one.";
            case REPLACED -> "This API token value was replaced by a new one and no longer works. Use the token's"
                    + " new value.";
            default -> GENERIC;
        };
    }
}
