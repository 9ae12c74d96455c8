package dev.tollgate.setting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One core setting: a key and its text value.
 *
 * <p>Keys are 1–{@value #KEY_MAX} characters of {@code [a-z0-9._-]}, so that they are safe in a URL path and never
 * differ only in case. Values are at most {@value #VALUE_MAX} characters (UTF-16 units, which every database counts
 * at least as generously) without control characters other than tab and line breaks: a NUL, for one, is refused by
 * some databases and would turn a valid request into a server error.
 */
@Entity
@Table(name = "SETTING")
@NamedQuery(name = "Setting.findAll", query = "SELECT s FROM Setting s ORDER BY s.key")
public class Setting {

    public static final int KEY_MAX = 100;
    public static final int VALUE_MAX = 4_000;
    private static final Pattern KEY = Pattern.compile("[a-z0-9._-]{1," + KEY_MAX + "}");

    @Id
    @Column(name = "SETTING_KEY", length = KEY_MAX)
    private String key;

    @Column(name = "SETTING_VALUE", nullable = false, length = VALUE_MAX)
    private String value;

    @Version
    private long version;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected Setting() {
        // for JPA
    }

    Setting(String key, String value, Instant now) {
        this.key = requireValidKey(key);
        this.createdAt = now;
        change(value, now);
    }

    /**
     * @return the key, if it is one
     * @throws InvalidSettingException if it is not
     */
    public static String requireValidKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidSettingException("key", "A setting key is 1 to " + KEY_MAX
                    + " characters: lower-case letters, digits, '.', '_' and '-'.");
        }
        return key;
    }

    void change(String newValue, Instant now) {
        this.value = requireValidValue(newValue);
        this.updatedAt = now;
    }

    static String requireValidValue(String value) {
        if (value == null) {
            throw new InvalidSettingException("value", "A setting needs a value (a string, which may be empty).");
        }
        if (value.length() > VALUE_MAX) {
            throw new SettingTooLargeException(VALUE_MAX);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidSettingException("value",
                        "A setting value may not contain control characters other than tab and line breaks.");
            }
        }
        return value;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
