package dev.tollgate.token;

import java.time.Instant;
import java.util.Objects;

/**
 * One successful use of a token by an API client, for its "last used" columns. The client address is stored without
 * an IPv6 zone and cut to the column's {@value #IP_MAX} characters, the length of the longest IPv6 text form.
 */
public record TokenUse(long tokenId, Instant at, String clientIp) {

    static final int IP_MAX = 45;

    public TokenUse {
        Objects.requireNonNull(at);
        clientIp = clientIp == null ? null : clientIp.replaceFirst("%.*", "");
        clientIp = clientIp == null || clientIp.length() <= IP_MAX ? clientIp : clientIp.substring(0, IP_MAX);
    }

    /** Of two uses of the same token, the later one: what the "last used" columns should show. */
    public TokenUse later(TokenUse other) {
        return other.at.isAfter(at) ? other : this;
    }
}
