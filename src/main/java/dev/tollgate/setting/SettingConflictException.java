package dev.tollgate.setting;

/** Two requests wrote the same key at the same moment; this one lost and saved nothing. */
public class SettingConflictException extends RuntimeException {

    public SettingConflictException() {
        super("Another request changed this setting at the same moment. Nothing was saved; send the request again.");
    }
}
