package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tollgate.platform.AddressRanges;
import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.TokenCache;
import dev.tollgate.token.TokenSnapshot;
import dev.tollgate.token.TokenValue;
import dev.tollgate.token.Tokens;

class TokenCheckTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    /** Token look-ups without a database: records every look-up and knows one value. */
    private static final class FakeTokens extends TokenCache {

        final List<String> lookedUp = new ArrayList<>();
        final String known;
        final TokenSnapshot snapshot;

        FakeTokens(String known, Instant expiresAt) {
            this(known, new TokenSnapshot(1, "forums", AccessLevel.READ_ONLY, expiresAt, NOW, "d", "tlg_Ab"));
        }

        FakeTokens(String known, TokenSnapshot snapshot) {
            this.known = known;
            this.snapshot = snapshot;
        }

        @Override
        public Optional<TokenSnapshot> find(TokenValue value) {
            lookedUp.add(value.reveal());
            return value.reveal().equals(known) ? Optional.of(snapshot) : Optional.empty();
        }

        @Override
        public Optional<TokenSnapshot> known(TokenValue value) {
            return find(value);
        }
    }

    private static TokenCheck checkWith(FakeTokens cache) {
        TokenCheck check = new TokenCheck();
        check.tokens = new Tokens() {
            @Override
            public String prefix() {
                return "tlg";
            }
        };
        check.cache = cache;
        check.init();
        return check;
    }

    @Test
    void malformedValuesNeverReachTheDatabase() {
        FakeTokens tokens = new FakeTokens("custom-value-of-twenty+", (Instant) null);
        TokenCheck check = checkWith(tokens);
        String generated = TokenValue.generate("tlg").reveal();
        String badChecksum = generated.substring(0, generated.length() - 1)
                + (generated.endsWith("A") ? "B" : "A");
        for (String malformed : new String[] {null, "", "short", "x".repeat(201), "has space in it, twenty+",
                "tlg_" + "A".repeat(38), badChecksum, generated + "x", "non-ascii-éééééééééééééé"}) {
            assertEquals(Failure.MALFORMED, check.check(malformed, NOW).failure(), String.valueOf(malformed));
        }
        assertTrue(tokens.lookedUp.isEmpty(), tokens.lookedUp.toString());
    }

    @Test
    void plausibleValuesAreLookedUpAndExpiryIsChecked() {
        FakeTokens live = new FakeTokens("custom-value-of-twenty+", NOW.plusSeconds(1));
        assertSame(live.snapshot, checkWith(live).check("custom-value-of-twenty+", NOW).token());

        TokenCheck.Verdict unknown = checkWith(live).check(TokenValue.generate("tlg").reveal(), NOW);
        assertEquals(Failure.UNKNOWN, unknown.failure());
        assertTrue(unknown.hint().startsWith("tlg_") && unknown.hint().length() == 8, unknown.hint());

        FakeTokens expired = new FakeTokens("custom-value-of-twenty+", NOW);
        assertEquals(Failure.EXPIRED, checkWith(expired).check("custom-value-of-twenty+", NOW).failure());
    }

    @Test
    void anOldValueWorksInItsGraceAndIsThenRefusedAsReplacedUnlessTheTokenExpired() {
        TokenSnapshot.Grace grace = new TokenSnapshot.Grace("d0", "tlg_Ol", NOW.plusSeconds(60));
        TokenCheck check = checkWith(new FakeTokens("custom-value-of-twenty+", new TokenSnapshot(1, "forums",
                AccessLevel.READ_ONLY, null, NOW, "d", "tlg_Ol", AddressRanges.NONE, grace, true)));
        assertTrue(check.check("custom-value-of-twenty+", NOW.plusSeconds(59)).passed());
        assertEquals(Failure.REPLACED, check.check("custom-value-of-twenty+", NOW.plusSeconds(60)).failure());
        assertEquals(Failure.EXPIRED, checkWith(new FakeTokens("custom-value-of-twenty+", new TokenSnapshot(1,
                "forums", AccessLevel.READ_ONLY, NOW, NOW, "d", "tlg_Ol", AddressRanges.NONE, grace, true)))
                .check("custom-value-of-twenty+", NOW.plusSeconds(60)).failure(),
                "expiry is what the client must hear");
        assertTrue(check.knownGood("custom-value-of-twenty+", NOW.plusSeconds(60)).isEmpty(),
                "nor does a throttled address's known-good path let it through");
    }
}
