package dev.tollgate.token;

/** A rotation's outcome: the token, and its new value for the one time it is shown. */
public record Rotated(ApiToken token, TokenValue value) {
}
