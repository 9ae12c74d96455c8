package dev.tollgate.audit;

/**
 * What the Audit Log is narrowed to: part of an admin's name, part of a token's name (both ignoring case) and one
 * action. Null matches everything.
 */
public record AuditFilter(String actor, String tokenName, AuditAction action) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        tokenName = blankToNull(tokenName);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
