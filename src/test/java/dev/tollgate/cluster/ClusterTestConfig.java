package dev.tollgate.cluster;

import java.util.Map;

import dev.tollgate.test.FixedConfig;

/**
 * Test-only configuration of the cluster test deployment: no throttling, because the test polls a node with an
 * unknown token back to back until the other node's change reaches it, all from 127.0.0.1.
 */
public class ClusterTestConfig extends FixedConfig {

    public ClusterTestConfig() {
        super("tollgate-cluster-it", Map.of("tollgate.api.throttle.failures", "0"));
    }
}
