package dev.tollgate.token;

import java.time.Instant;

/** What an admin enters for a token, apart from its value: name, access level and optional expiry. */
public record TokenDraft(String name, AccessLevel accessLevel, Instant expiresAt) {
}
