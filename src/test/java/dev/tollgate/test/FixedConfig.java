package dev.tollgate.test;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A test deployment's own settings, above every other config source: a subclass names them in its no-argument
 * constructor, and {@link Deployments#configured} puts it into the deployment as a MicroProfile Config source. It
 * runs inside the server, so it must not touch any test-side library.
 */
public abstract class FixedConfig implements ConfigSource {

    private final String name;
    private final Map<String, String> values;

    protected FixedConfig(String name, Map<String, String> values) {
        this.name = name;
        this.values = Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
