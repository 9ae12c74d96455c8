package dev.tollgate.token;

import java.time.Instant;

import dev.tollgate.platform.AddressRanges;

/**
 * An immutable copy of a token's state at one moment: what the API's authentication needs (and may cache) and
 * what the audit trail records before and after a change. Holds the digest, never the value.
 */
public record TokenSnapshot(long id, String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt,
                            String digest, String hint, AddressRanges allowed) {

    /** A token usable from any address. */
    public TokenSnapshot(long id, String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt,
                         String digest, String hint) {
        this(id, name, accessLevel, expiresAt, createdAt, digest, hint, AddressRanges.NONE);
    }

    static TokenSnapshot of(ApiToken token) {
        return new TokenSnapshot(token.getId(), token.getName(), token.getAccessLevel(), token.getExpiresAt(),
                token.getCreatedAt(), token.getDigest(), token.getHint(),
                AddressRanges.parse(token.getAllowedAddresses()));
    }

    /** Whether the token may be used from this client address: from any, unless it has an allow-list. */
    public boolean allows(String address) {
        return allowed.isEmpty() || allowed.contains(address);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
