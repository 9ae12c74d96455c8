package dev.tollgate.token;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Fired synchronously by {@link Tokens} inside the transaction that changes a token, so that observers can act in
 * that transaction (the audit trail) or at its completion (the API's token cache). {@code before} is null for a
 * created token, {@code after} for a deleted one.
 */
public record TokenChanged(Kind kind, String actor, TokenSnapshot before, TokenSnapshot after, String detail) {

    /** ROTATED: a new value, the old one in its grace ({@code detail} names the grace); GRACE_ENDED: ended early. */
    public enum Kind { CREATED, UPDATED, DELETED, ROTATED, GRACE_ENDED }

    public TokenChanged(Kind kind, String actor, TokenSnapshot before, TokenSnapshot after) {
        this(kind, actor, before, after, null);
    }

    /**
     * Every digest whose look-up this change may alter: the current and the old value's, before and after. Caches
     * (here and, through the change feed, on other servers) forget each.
     */
    public Set<String> digests() {
        Set<String> digests = new LinkedHashSet<>();
        for (TokenSnapshot side : new TokenSnapshot[] {before, after}) {
            if (side != null) {
                digests.add(side.digest());
                if (side.grace() != null) {
                    digests.add(side.grace().digest());
                }
            }
        }
        return digests;
    }

    /** Whether the token's secret was replaced by this change. */
    public boolean valueChanged() {
        return before != null && after != null && !before.digest().equals(after.digest());
    }
}
