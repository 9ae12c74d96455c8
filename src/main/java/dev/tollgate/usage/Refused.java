package dev.tollgate.usage;

/** Why a request with a known token was refused, as the usage chart tells them apart. */
public enum Refused {
    /** The token's level does not permit the request. */
    LEVEL,
    /** The client's address is not on the token's allow-list. */
    ADDRESS,
    /** The token has expired, or an old value's grace is over. */
    EXPIRED
}
