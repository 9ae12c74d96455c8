package dev.tollgate.api;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Test-only configuration of the API test deployment: the scheduled last-used flush is pushed out of the way, so
 * that the test decides when a flush happens and can see that requests alone write nothing.
 */
public class ApiTestConfig implements ConfigSource {

    private static final Map<String, String> VALUES = Map.of("tollgate.api.last-used.flush-seconds", "3600");

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return VALUES;
    }

    @Override
    public String getValue(String name) {
        return VALUES.get(name);
    }

    @Override
    public String getName() {
        return "ApiIT";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
