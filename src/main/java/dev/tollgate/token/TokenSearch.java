package dev.tollgate.token;

/**
 * One page of the tokens table: optional filters (partial name, a token value or the start of one, an access
 * level, an expiry window, whether the token has an address allow-list), the sort, and the window. Null filters
 * match everything.
 */
public record TokenSearch(String name, String value, AccessLevel accessLevel, ExpiryFilter expiry,
                          Boolean restricted, TokenSort sort, boolean ascending, int first, int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;

    public TokenSearch {
        sort = sort == null ? TokenSort.NAME : sort;
        first = Math.max(0, first);
        pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
    }

    public TokenSearch(String name, String value, AccessLevel accessLevel, TokenSort sort, boolean ascending,
                       int first, int pageSize) {
        this(name, value, accessLevel, null, null, sort, ascending, first, pageSize);
    }

    public static TokenSearch alphabetical(int first, int pageSize) {
        return new TokenSearch(null, null, null, TokenSort.NAME, true, first, pageSize);
    }
}
