package dev.tollgate.account;

import java.util.Objects;

/** A new password typed twice, as the add-admin and change-password forms ask for it. */
public class NewPassword {

    static final String MISMATCH = "The new password and its repetition differ.";

    private String value;
    private String repeated;

    boolean isRepeatedExactly() {
        return Objects.equals(value, repeated);
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
