package dev.tollgate.token;

import java.time.Instant;

import dev.tollgate.platform.AddressRanges;

/**
 * An immutable copy of a token's state at one moment: what the API's authentication needs (and may cache) and
 * what the audit trail records before and after a change. Holds digests, never a value.
 *
 * <p>A look-up by a rotated-out value finds the same token {@linkplain #asOldValue() seen through that value}:
 * {@code oldValue} is set, and the token works only until the earlier of its expiry and the grace's end.
 *
 * @param grace the value before the last rotation, or null if the token was never rotated
 */
public record TokenSnapshot(long id, String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt,
                            String digest, String hint, AddressRanges allowed, Grace grace, boolean oldValue) {

    /** The value a rotation replaced: its digest and hint, and until when it works. */
    public record Grace(String digest, String hint, Instant until) {
    }

    /** A token usable from any address. */
    public TokenSnapshot(long id, String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt,
                         String digest, String hint) {
        this(id, name, accessLevel, expiresAt, createdAt, digest, hint, AddressRanges.NONE);
    }

    /** A token never rotated. */
    public TokenSnapshot(long id, String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt,
                         String digest, String hint, AddressRanges allowed) {
        this(id, name, accessLevel, expiresAt, createdAt, digest, hint, allowed, null, false);
    }

    static TokenSnapshot of(ApiToken token) {
        Grace grace = token.getPreviousDigest() == null ? null
                : new Grace(token.getPreviousDigest(), token.getPreviousHint(), token.getPreviousUntil());
        return new TokenSnapshot(token.getId(), token.getName(), token.getAccessLevel(), token.getExpiresAt(),
                token.getCreatedAt(), token.getDigest(), token.getHint(),
                AddressRanges.parse(token.getAllowedAddresses()), grace, false);
    }

    /** The token as its rotated-out value presents it. */
    TokenSnapshot asOldValue() {
        if (grace == null) {
            throw new IllegalStateException("Token " + id + " has no old value");
        }
        return new TokenSnapshot(id, name, accessLevel, expiresAt, createdAt, digest, grace.hint(), allowed, grace,
                true);
    }

    /** Whether the token may be used from this client address: from any, unless it has an allow-list. */
    public boolean allows(String address) {
        return allowed.isEmpty() || allowed.contains(address);
    }

    /** Whether the token has expired; for an old value, also whether its grace is over. */
    public boolean isExpired(Instant now) {
        return tokenExpired(now) || graceOver(now);
    }

    /** Whether the token itself has expired, whichever value presents it. */
    public boolean tokenExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether this is an old value whose grace is over (while the token itself may still work). */
    public boolean graceOver(Instant now) {
        return oldValue && !now.isBefore(grace.until());
    }

    /** Until when the presented value works: the token's expiry, or for an old value the grace's end if earlier. */
    public Instant worksUntil() {
        if (!oldValue || expiresAt != null && expiresAt.isBefore(grace.until())) {
            return expiresAt;
        }
        return grace.until();
    }
}
