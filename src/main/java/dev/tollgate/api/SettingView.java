package dev.tollgate.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

import dev.tollgate.setting.Setting;

/** A setting as the API returns it. */
@JsonbPropertyOrder({"key", "value", "createdAt", "updatedAt"})
public record SettingView(String key, String value, Instant createdAt, Instant updatedAt) {

    static SettingView of(Setting setting) {
        return new SettingView(setting.getKey(), setting.getValue(), setting.getCreatedAt(), setting.getUpdatedAt());
    }
}
