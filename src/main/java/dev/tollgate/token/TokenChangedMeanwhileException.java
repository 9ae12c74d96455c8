package dev.tollgate.token;

/** Optimistic locking: someone saved the token after this admin loaded it. Nothing was saved. */
public class TokenChangedMeanwhileException extends RuntimeException {

    public TokenChangedMeanwhileException() {
        super("This API token was changed meanwhile by someone else. Reload it and make your change again.");
    }
}
