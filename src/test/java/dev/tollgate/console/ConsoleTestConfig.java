package dev.tollgate.console;

import java.util.Map;

import dev.tollgate.test.FixedConfig;

/** The tokens screen's test deployment marks tokens unused for 30 days (off by default). */
public class ConsoleTestConfig extends FixedConfig {

    public ConsoleTestConfig() {
        super("ApiTokensIT", Map.of("tollgate.token.unused-days", "30"));
    }
}
