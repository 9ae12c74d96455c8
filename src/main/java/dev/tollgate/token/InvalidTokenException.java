package dev.tollgate.token;

/**
 * A token change that breaks a rule: a blank or duplicate name, a bad custom value, an expiry in the past. Carries
 * the field it concerns so that the console can show the message there and the API can name it.
 */
public class InvalidTokenException extends RuntimeException {

    private final String field;

    public InvalidTokenException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** One of {@code name}, {@code value}, {@code accessLevel}, {@code expiresAt}. */
    public String field() {
        return field;
    }
}
