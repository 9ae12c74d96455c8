package dev.tollgate.account;

/**
 * An account change that breaks a rule: a bad or taken name, a weak password, a wrong current password, removing
 * oneself or the last admin. The message is fit to show; {@link #field()} names the input it concerns, or is null.
 */
public class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** One of {@code username}, {@code current}, {@code password}, or null for the form as a whole. */
    public String field() {
        return field;
    }
}
