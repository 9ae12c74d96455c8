package dev.tollgate.cluster;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Test-only configuration of the cluster test deployment: no throttling, because the test polls a node with an
 * unknown token back to back until the other node's change reaches it, all from 127.0.0.1.
 */
public class ClusterTestConfig implements ConfigSource {

    private static final Map<String, String> VALUES = Map.of("tollgate.api.throttle.failures", "0");

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return VALUES;
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "tollgate-cluster-it";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
