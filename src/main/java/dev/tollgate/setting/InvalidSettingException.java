package dev.tollgate.setting;

/** A key or value that breaks the rules of {@link Setting}. Carries the field it concerns. Nothing was saved. */
public class InvalidSettingException extends RuntimeException {

    private final String field;

    public InvalidSettingException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code key} or {@code value}. */
    public String field() {
        return field;
    }
}
