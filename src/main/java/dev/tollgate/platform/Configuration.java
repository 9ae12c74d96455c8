package dev.tollgate.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tollgate's own settings, the {@code tollgate.*} keys documented in README.
 *
 * <p>Read through MicroProfile Config where the server provides it, so that a system property, an environment
 * variable ({@code TOLLGATE_ADMIN_PASSWORD} for {@code tollgate.admin.password}) or a config source of the
 * server can set them. On a server without MicroProfile Config the same system property and environment
 * variable are read directly, so the WAR stays portable.
 */
@ApplicationScoped
public class Configuration {

    public Optional<String> value(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class);
        } catch (NoClassDefFoundError | IllegalStateException noMicroProfileConfig) {
            return Optional.ofNullable(System.getProperty(key))
                    .or(() -> Optional.ofNullable(System.getenv(environmentName(key))));
        }
    }

    public String value(String key, String defaultValue) {
        return value(key).filter(v -> !v.isBlank()).orElse(defaultValue);
    }

    public int intValue(String key, int defaultValue) {
        return value(key).map(String::trim).filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt)
                .orElse(defaultValue);
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
