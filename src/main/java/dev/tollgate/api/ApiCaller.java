package dev.tollgate.api;

import java.security.Principal;
import java.time.Instant;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.TokenSnapshot;

/**
 * The authenticated token of a request, as its {@link Principal}: named after the token. Holds no digest or hint,
 * so that logging a principal can reveal nothing about the secret.
 */
public record ApiCaller(long tokenId, String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt)
        implements Principal {

    static ApiCaller of(TokenSnapshot token) {
        // For a rotated-out value, until when that value works: what its client needs to know.
        return new ApiCaller(token.id(), token.name(), token.accessLevel(), token.worksUntil(), token.createdAt());
    }

    @Override
    public String getName() {
        return name;
    }
}
