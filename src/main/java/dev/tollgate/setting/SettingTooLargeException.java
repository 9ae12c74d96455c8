package dev.tollgate.setting;

import java.util.Locale;

/** A value over the size limit: a rule broken by size alone, which HTTP reports differently (413). */
public class SettingTooLargeException extends InvalidSettingException {

    public SettingTooLargeException(int limit) {
        super("value", String.format(Locale.ROOT, "A setting value may be at most %,d characters long.", limit));
    }
}
