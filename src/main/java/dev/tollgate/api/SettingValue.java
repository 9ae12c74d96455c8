package dev.tollgate.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.tollgate.setting.InvalidSettingException;

/**
 * The body of {@code PUT /api/settings/{key}}: {@code {"value": "..."}}. The value is bound as a JSON value rather
 * than a {@code String} because JSON-B would quietly turn {@code 5} or {@code true} into text; here they are refused.
 */
public record SettingValue(JsonValue value) {

    /** @return the text, or null if there is no body or no value (the setting rules refuse that) */
    static String textOf(SettingValue body) {
        if (body == null || body.value() == null || body.value().getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (body.value() instanceof JsonString text) {
            return text.getString();
        }
        throw new InvalidSettingException("value", "A setting value must be a JSON string, in double quotes.");
    }
}
