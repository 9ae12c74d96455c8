package dev.tollgate.token;

import java.time.Instant;
import java.util.Objects;

/**
 * One successful use of a token by an API client, for its "last used" columns. The client address is stored without
 * an IPv6 zone and cut to the column's {@value #IP_MAX} characters, the length of the longest IPv6 text form.
 *
 * @param oldValueAt when the token's rotated-out value was last used, if it was (null otherwise)
 */
public record TokenUse(long tokenId, Instant at, String clientIp, Instant oldValueAt) {

    /** A use of the token's current value. */
    public TokenUse(long tokenId, Instant at, String clientIp) {
        this(tokenId, at, clientIp, null);
    }

    static final int IP_MAX = 45;

    public TokenUse {
        Objects.requireNonNull(at);
        clientIp = clientIp == null ? null : clientIp.replaceFirst("%.*", "");
        clientIp = clientIp == null || clientIp.length() <= IP_MAX ? clientIp : clientIp.substring(0, IP_MAX);
    }

    /** Two uses of the same token as one: the later one, and the later use of the old value of either. */
    public TokenUse later(TokenUse other) {
        TokenUse later = other.at.isAfter(at) ? other : this;
        Instant oldValue = oldValueAt == null || other.oldValueAt != null && other.oldValueAt.isAfter(oldValueAt)
                ? other.oldValueAt : oldValueAt;
        return oldValue == later.oldValueAt ? later : new TokenUse(tokenId, later.at, later.clientIp, oldValue);
    }
}
