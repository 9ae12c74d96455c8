package dev.tollgate.token;

/** The token does not exist (any more): another admin may have deleted it. */
public class TokenGoneException extends RuntimeException {

    public TokenGoneException() {
        super("This API token no longer exists; it may have been deleted meanwhile.");
    }
}
