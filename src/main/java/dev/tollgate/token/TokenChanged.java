package dev.tollgate.token;

/**
 * Fired synchronously by {@link Tokens} inside the transaction that changes a token, so that observers can act in
 * that transaction (the audit trail) or at its completion (the API's token cache). {@code before} is null for a
 * created token, {@code after} for a deleted one.
 */
public record TokenChanged(Kind kind, String actor, TokenSnapshot before, TokenSnapshot after) {

    public enum Kind { CREATED, UPDATED, DELETED }

    /** Whether the token's secret was replaced by this change. */
    public boolean valueChanged() {
        return before != null && after != null && !before.digest().equals(after.digest());
    }
}
