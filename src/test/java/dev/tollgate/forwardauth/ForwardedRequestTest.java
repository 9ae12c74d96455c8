package dev.tollgate.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.tollgate.token.AccessLevel;

class ForwardedRequestTest {

    @Test
    void nginxStyleAndCaddyOrTraefikStyleAreReadAlike() throws Exception {
        ForwardedRequest nginx = ForwardedRequest.from(headers(Map.of(
                "x-original-method", List.of("PUT"), "x-original-uri", List.of("/files/a.txt?x=1"))));
        assertEquals(new ForwardedRequest("PUT", "/files/a.txt?x=1", null), nginx);
        ForwardedRequest traefik = ForwardedRequest.from(headers(Map.of(
                "X-Forwarded-Method", List.of("GET"), "X-Forwarded-Uri", List.of("/"))));
        assertEquals(new ForwardedRequest("GET", "/", null), traefik);
    }

    @Test
    void theUriIsOptionalTheMethodIsNot() throws Exception {
        assertNull(ForwardedRequest.from(headers(Map.of("X-Original-Method", List.of("GET")))).uri());
        ForwardedRequest.Unusable none = assertThrows(ForwardedRequest.Unusable.class,
                () -> ForwardedRequest.from(headers(Map.of("X-Original-URI", List.of("/x")))));
        assertTrue(none.getMessage().contains("X-Original-Method"), none.getMessage());
    }

    @Test
    void aClientCannotAddTheOtherStyleToChangeTheMethodOrUri() {
        for (Map<String, List<String>> forged : List.of(
                Map.of("X-Original-Method", List.of("POST"), "X-Forwarded-Method", List.of("GET")),
                Map.of("X-Original-Method", List.of("GET"), "X-Original-URI", List.of("/admin"),
                        "X-Forwarded-Uri", List.of("/public")),
                Map.of("X-Original-Method", List.of("POST", "GET")))) {
            assertThrows(ForwardedRequest.Unusable.class, () -> ForwardedRequest.from(headers(forged)),
                    forged.toString());
        }
    }

    @Test
    void bothStylesThatAgreeAreFine() throws Exception {
        assertEquals("DELETE", ForwardedRequest.from(headers(Map.of("X-Original-Method", List.of("DELETE"),
                "X-Forwarded-Method", List.of(" DELETE")))).method());
    }

    @Test
    void methodsAndUrisThatNoProxySendsAreRefused() {
        for (String method : List.of("", "GET POST", "G\u00e9T", "X".repeat(33), "GET\r\nX: y")) {
            assertThrows(ForwardedRequest.Unusable.class,
                    () -> ForwardedRequest.from(headers(Map.of("X-Original-Method", List.of(method)))), method);
        }
        for (String uri : List.of("files/a", "/a b", "/caf\u00e9", "/" + "a".repeat(8192), "http://elsewhere/")) {
            assertThrows(ForwardedRequest.Unusable.class, () -> ForwardedRequest.from(headers(Map.of(
                    "X-Original-Method", List.of("GET"), "X-Original-URI", List.of(uri)))), uri);
        }
    }

    @Test
    void theRequiredLevelOnlyRaisesAndTheHighestOfSeveralCounts() throws Exception {
        assertEquals(AccessLevel.READ_AND_WRITE, floor(List.of("read-and-write")));
        assertEquals(AccessLevel.READ_ONLY, floor(List.of(" Read-Only ")));
        // A client's forged "read-only" beside the proxy's "read-and-write" cannot lower it, in either order.
        assertEquals(AccessLevel.READ_AND_WRITE, floor(List.of("read-only", "read-and-write")));
        assertEquals(AccessLevel.READ_AND_WRITE, floor(List.of("read-and-write", "read-only")));
        for (String wrong : List.of("", "rw", "READ_AND_WRITE", "none")) {
            ForwardedRequest.Unusable unusable = assertThrows(ForwardedRequest.Unusable.class,
                    () -> floor(List.of(wrong)), wrong);
            assertTrue(unusable.getMessage().contains("\"read-and-write\""), unusable.getMessage());
        }
    }

    private static AccessLevel floor(List<String> values) throws ForwardedRequest.Unusable {
        return ForwardedRequest.from(headers(Map.of("X-Original-Method", List.of("GET"),
                "Tollgate-Require-Level", values))).floor();
    }

    /** Header names are case-insensitive, as in JAX-RS's HttpHeaders. */
    private static Function<String, List<String>> headers(Map<String, List<String>> sent) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sent.forEach((name, values) -> byName.put(name.toLowerCase(Locale.ROOT), values));
        return byName::get;
    }
}
