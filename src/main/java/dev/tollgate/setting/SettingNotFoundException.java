package dev.tollgate.setting;

/** No setting has this key (any more). */
public class SettingNotFoundException extends RuntimeException {

    public SettingNotFoundException(String key) {
        super("There is no setting with the key \"" + key + "\".");
    }
}
