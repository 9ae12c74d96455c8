package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tollgate.platform.AddressRanges;
import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.TokenSnapshot;
import dev.tollgate.token.TokenUse;
import dev.tollgate.usage.Refused;
import dev.tollgate.usage.UsageCounts;

/**
 * The rules that the API's guard and forward auth share, without a server: a known token checks as valid, any
 * other value as unknown, and the throttle is the real one with a limit of 2.
 */
class TokenAccessTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String GOOD = "good-token-value";
    private static final TokenSnapshot READER = new TokenSnapshot(7, "reader", AccessLevel.READ_ONLY, null, NOW,
            "d", "tlg_Ab");
    private static final TokenSnapshot LISTED = new TokenSnapshot(8, "listed", AccessLevel.READ_ONLY, null, NOW,
            "d", "tlg_Cd", AddressRanges.parse("10.0.0.0/8"));

    private final List<TokenUse> uses = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final TokenAccess access = new TokenAccess();

    TokenAccessTest() {
        access.tokenCheck = new TokenCheck() {
            @Override
            Verdict check(String presented, Instant now) {
                if ("listed".equals(presented)) {
                    return new Verdict(LISTED, null, "tlg_Cd");
                }
                if ("expired".equals(presented)) {
                    return new Verdict(READER, Failure.EXPIRED, "tlg_Ab");
                }
                return GOOD.equals(presented) ? new Verdict(READER, null, "tlg_Ab")
                        : new Verdict(null, Failure.UNKNOWN, "xyz_");
            }

            @Override
            Optional<TokenSnapshot> knownGood(String presented, Instant now) {
                return GOOD.equals(presented) ? Optional.of(READER) : Optional.empty();
            }
        };
        access.throttle = new Throttle(2);
        access.refusals = new RefusalLog();
        access.lastUses = new LastUses() {
            @Override
            void record(TokenUse use) {
                uses.add(use);
            }
        };
        access.usage = new UsageCounts() {
            @Override
            public void served(long tokenId, String address, Instant now) {
                counted.add(tokenId + " served from " + address);
            }

            @Override
            public void refused(long tokenId, Refused why, String address, Instant now) {
                counted.add(tokenId + " refused for " + why + " from " + address);
            }
        };
    }

    @Test
    void everyRequestWithAKnownTokenCountsForItsUsageServedOrRefusedWithWhy() {
        decide("GET", null, null, "Bearer " + GOOD, "10.0.0.1");
        decide("PUT", null, null, "Bearer " + GOOD, "10.0.0.2");
        decide("GET", null, null, "Bearer listed", "192.0.2.1");
        decide("GET", null, null, "Bearer expired", "10.0.0.3");
        decide("GET", null, null, "Bearer unknown-token-value", "10.0.0.4");
        decide("PROPFIND", null, null, "Bearer " + GOOD, "10.0.0.5");
        assertEquals(List.of("7 served from 10.0.0.1", "7 refused for LEVEL from 10.0.0.2",
                "8 refused for ADDRESS from 192.0.2.1", "7 refused for EXPIRED from 10.0.0.3"), counted,
                "an unknown token has no usage; a method the API refuses is no use of the token");
    }

    @Test
    void aGrantIsRecordedAsTheTokensLastUseARefusalIsNot() {
        TokenAccess.Decision granted = decide("GET", null, null, "Bearer " + GOOD, "10.0.0.1");
        assertTrue(granted.granted());
        assertEquals("Bearer", granted.scheme());
        assertNull(granted.refusal());
        assertEquals(List.of(new TokenUse(7, NOW, "10.0.0.1")), uses);

        assertEquals(403, decide("PUT", null, null, "Bearer " + GOOD, "10.0.0.1").refusal().status());
        assertEquals(1, uses.size());
    }

    @Test
    void aDeclaredLevelWinsOverTheMethodsAFloorOnlyRaisesIt() {
        assertTrue(decide("POST", AccessLevel.READ_ONLY, null, "Bearer " + GOOD, "10.0.0.1").granted());
        assertEquals(403, decide("GET", AccessLevel.READ_AND_WRITE, null, "Bearer " + GOOD, "10.0.0.1")
                .refusal().status());
        assertEquals(403, decide("GET", null, AccessLevel.READ_AND_WRITE, "Bearer " + GOOD, "10.0.0.1")
                .refusal().status());
        assertTrue(decide("GET", null, AccessLevel.READ_ONLY, "Bearer " + GOOD, "10.0.0.1").granted());
        TokenAccess.Refusal write = decide("DELETE", null, AccessLevel.READ_ONLY, "Bearer " + GOOD, "10.0.0.1")
                .refusal();
        assertEquals(403, write.status(), "a floor of read only does not lower a write");
        assertTrue(write.detail().contains("\"Read and write\""), write.detail());
    }

    @Test
    void anAllowListedTokenIsRefusedFromElsewhereBeforeItsLevelIsLookedAt() {
        TokenAccess.Refusal elsewhere = access.decide("PUT", null, null, List.of("Bearer listed"), "192.0.2.1", NOW)
                .refusal();
        assertEquals(403, elsewhere.status());
        assertEquals("This API token may not be used from your address, 192.0.2.1.", elsewhere.detail());
        assertTrue(access.decide("GET", null, null, List.of("Bearer listed"), "10.9.8.7", NOW).granted());
        assertEquals(List.of(new TokenUse(8, NOW, "10.9.8.7")), uses, "only the granted request is a use");
        assertEquals(403, access.decide("PUT", null, null, List.of("Bearer listed"), "10.9.8.7", NOW).refusal()
                .status(), "from a listed address the level still counts");
    }

    @Test
    void aMethodTheApiDoesNotAcceptIs405WithAllowEvenForAFloor() {
        TokenAccess.Refusal refusal = decide("PROPFIND", null, AccessLevel.READ_AND_WRITE, "Bearer " + GOOD,
                "10.0.0.1").refusal();
        assertEquals(405, refusal.status());
        assertEquals(List.of(Map.entry("Allow", "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE")), refusal.headers());
    }

    @Test
    void aThrottledAddressGets429WithRetryAfterButAKnownGoodTokenStillPasses() {
        assertEquals(401, decide("GET", null, null, "Bearer wrong-1", "10.0.0.2").refusal().status());
        assertEquals(401, decide("GET", null, null, "Bearer wrong-2", "10.0.0.2").refusal().status());
        TokenAccess.Refusal throttled = decide("GET", null, null, "Bearer wrong-3", "10.0.0.2").refusal();
        assertEquals(429, throttled.status());
        assertEquals(List.of(Map.entry("Retry-After", 60L)), throttled.headers());
        assertTrue(decide("GET", null, null, "Bearer " + GOOD, "10.0.0.2").granted());
        assertTrue(decide("GET", null, null, "Bearer wrong-1", "10.0.0.3").refusal().status() == 401,
                "another address is not throttled");
    }

    @Test
    void noTokenAndABadTokenGetTheApisChallengesOnlyABadOneIsCounted() {
        TokenAccess.Refusal missing = decide("GET", null, null, null, "10.0.0.4").refusal();
        assertEquals(401, missing.status());
        assertEquals(List.of(Map.entry("WWW-Authenticate", "Bearer realm=\"tollgate\""),
                Map.entry("WWW-Authenticate", "Basic realm=\"tollgate\", charset=\"UTF-8\"")), missing.headers());
        TokenAccess.Refusal unknown = decide("GET", null, null, "Bearer wrong", "10.0.0.4").refusal();
        assertEquals("Bearer realm=\"tollgate\", error=\"invalid_token\"", unknown.headers().get(0).getValue());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, decide("GET", null, null, null, "10.0.0.5").refusal().status(), "never throttled");
        }
    }

    private TokenAccess.Decision decide(String method, AccessLevel declared, AccessLevel floor, String authorization,
                                        String address) {
        return access.decide(method, declared, floor, authorization == null ? null : List.of(authorization),
                address, NOW);
    }
}
