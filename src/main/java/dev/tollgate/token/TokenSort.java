package dev.tollgate.token;

/** The columns the tokens table sorts by, each backed by an index (META-INF/sql). */
public enum TokenSort {
    NAME("nameKey"),
    HINT("hint"),
    ACCESS_LEVEL("accessLevel"),
    EXPIRES_AT("expiresAt"),
    LAST_USED_AT("lastUsedAt"),
    CREATED_AT("createdAt"),
    ADDRESSES("addressCount"),
    REQUESTS("requests30d");

    final String attribute;

    TokenSort(String attribute) {
        this.attribute = attribute;
    }
}
