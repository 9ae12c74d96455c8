package dev.tollgate.console;

import java.io.Serializable;

/**
 * The form's Token field. A new token's field holds a generated value, read-only until the admin clicks "edit". An
 * existing token's field shows only its hint; "edit" empties it for a new value, and "keep current" goes back.
 */
public class SecretField implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String hint;
    /** The value to save; null keeps an existing token's current value. */
    private String value;
    private boolean editable;

    private SecretField(String hint, String value) {
        this.hint = hint;
        this.value = value;
    }

    static SecretField generated(String value) {
        return new SecretField(null, value);
    }

    static SecretField current(String hint) {
        return new SecretField(hint, null);
    }

    void edit() {
        editable = true;
        value = value == null ? "" : value;
    }

    void replace(String generated) {
        value = generated;
        editable = false;
    }

    void keepCurrent() {
        value = null;
        editable = false;
    }

    String newValue() {
        return value;
    }

    /** What the field shows: the value to save, or an existing token's hint while it keeps its value. */
    public String getValue() {
        return value != null || hint == null ? value : hint + "…";
    }

    public void setValue(String value) {
        this.value = value;
    }

    public boolean isEditable() {
        return editable;
    }

    /** Whether an existing token is about to get a new value, which "keep current" would undo. */
    public boolean isReplacing() {
        return hint != null && value != null;
    }
}
