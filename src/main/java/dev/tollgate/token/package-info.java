/**
 * API tokens: the entity and its rules, the secret value's format and digest, and {@link dev.tollgate.token.Tokens},
 * the one service through which the console and the API create, change, find and revoke them.
 *
 * <p>A token's raw value exists only in memory: the database keeps an HMAC-SHA-256 digest (for look-up) and a short
 * hint (for display). {@link dev.tollgate.token.TokenValue#toString()} never prints the secret.
 */
package dev.tollgate.token;
