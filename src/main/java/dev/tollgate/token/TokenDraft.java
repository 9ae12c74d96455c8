package dev.tollgate.token;

import java.time.Instant;

/**
 * What an admin enters for a token, apart from its value: name, access level, optional expiry, and the addresses it
 * may be used from (addresses and CIDR ranges separated by commas, spaces or line breaks; blank or null for any).
 */
public record TokenDraft(String name, AccessLevel accessLevel, Instant expiresAt, String allowedAddresses) {

    /** A draft for a token usable from any address. */
    public TokenDraft(String name, AccessLevel accessLevel, Instant expiresAt) {
        this(name, accessLevel, expiresAt, null);
    }
}
