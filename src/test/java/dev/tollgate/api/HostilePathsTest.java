package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HostilePathsTest {

    @Test
    void pathsUnderApiAreToldFromConsolePaths() {
        for (String path : List.of("/api", "/api/me", "/API/me", "/api;x=y", "/api%2fme", "/api/../x", "/api.")) {
            assertTrue(HostilePaths.sentToApi(path), path);
        }
        for (String path : List.of("/", "/apix", "/settings/core/api-tokens", "/sign-in", "/x/api/me")) {
            assertFalse(HostilePaths.sentToApi(path), path);
        }
    }

    @Test
    void encodedSeparatorsDotSegmentsAndParametersAreHostile() {
        for (String path : List.of("/api/settings/..%2F..%2Fetc", "/api/%2e%2e/sign-in", "/api/%2E/me",
                "/api/settings/%252e", "/api/me;jsessionid=1", "/api/../x", "/api/./me", "/api/settings/..",
                "/api/settings/.", "/api/a%5cb", "/api/a\\b", "/api//me", "/api/a%00b", "/api/a\tb")) {
            assertTrue(HostilePaths.hostile(path), path);
        }
        for (String path : List.of("/api/me", "/api/settings/core.retention-days", "/api/settings/a-b_c~d",
                "/api/settings/%C3%A9t%C3%A9", "/api/settings/x..y", "/api/settings/.hidden")) {
            assertFalse(HostilePaths.hostile(path), path);
        }
    }
}
