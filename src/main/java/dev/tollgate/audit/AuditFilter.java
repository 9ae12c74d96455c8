package dev.tollgate.audit;

import dev.tollgate.platform.SearchText;

/**
 * What the Audit Log is narrowed to: part of an admin's name, part of a token's name (both ignoring case) and one
 * action. Null matches everything; typed text is cleaned as every search text is ({@link SearchText}).
 */
public record AuditFilter(String actor, String tokenName, AuditAction action) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null);

    public AuditFilter {
        actor = SearchText.clean(actor);
        tokenName = SearchText.clean(tokenName);
    }
}
