package dev.tollgate.token;

import java.time.Instant;

/**
 * An immutable copy of a token's state at one moment: what the API's authentication needs (and may cache) and
 * what the audit trail records before and after a change. Holds the digest, never the value.
 */
public record TokenSnapshot(long id, String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt,
                            String digest, String hint) {

    static TokenSnapshot of(ApiToken token) {
        return new TokenSnapshot(token.getId(), token.getName(), token.getAccessLevel(), token.getExpiresAt(),
                token.getCreatedAt(), token.getDigest(), token.getHint());
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
