package dev.tollgate.api;

import java.util.Map;

import dev.tollgate.test.FixedConfig;

/**
 * Test-only configuration of the API test deployment: the scheduled last-used flush is pushed out of the way, so
 * that the test decides when a flush happens and can see that requests alone write nothing; and the token cache's
 * lease outlasts any pause of a busy machine, so that what a throttled client's known token gets never depends on
 * whether the change feed was read in the last 3 s; and 127.0.0.1, where the test connects from, is a trusted proxy.
 */
public class ApiTestConfig extends FixedConfig {

    public ApiTestConfig() {
        super("ApiIT", Map.of("tollgate.api.last-used.flush-seconds", "3600",
                "tollgate.cluster.stale-millis", "600000", "tollgate.api.trusted-proxies", "127.0.0.1"));
    }
}
