package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ApiTokenTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void nameIsTrimmedAndKeyedIgnoringCase() {
        ApiToken token = new ApiToken("  Forums Sync  ", AccessLevel.READ_ONLY, null, "admin", NOW);
        assertEquals("Forums Sync", token.getName());
        assertEquals("forums sync", token.getNameKey());
    }

    @Test
    void nameMustNotBeBlankOrTooLong() {
        assertEquals("name", assertThrows(InvalidTokenException.class,
                () -> new ApiToken("   ", AccessLevel.READ_ONLY, null, "admin", NOW)).field());
        assertThrows(InvalidTokenException.class,
                () -> new ApiToken("x".repeat(101), AccessLevel.READ_ONLY, null, "admin", NOW));
        assertEquals(100, new ApiToken("x".repeat(100), AccessLevel.READ_ONLY, null, "a", NOW).getName().length());
        assertEquals("name", assertThrows(InvalidTokenException.class,
                () -> new ApiToken("\u00A0\u2007\u202F\u3000", AccessLevel.READ_ONLY, null, "admin", NOW)).field());
        assertEquals("n b", new ApiToken("\u00A0n b\u3000", AccessLevel.READ_ONLY, null, "admin", NOW).getName());
    }

    @Test
    void nameMayNotHideControlsLineBreaksOrDirectionMarks() {
        for (String name : java.util.List.of("a\u0000b", "bell\u0007", "esc\u001b[31m", "line\nbreak", "tab\there",
                "nel\u0085", "line\u2028sep", "para\u2029graph", "\u202Egnp.exe", "lre\u202A", "iso\u2066late\u2069",
                "rlm\u200F", "lrm\u200E", "alm\u061C", "bom\uFEFF", "del\u007F")) {
            InvalidTokenException refused = assertThrows(InvalidTokenException.class,
                    () -> new ApiToken(name, AccessLevel.READ_ONLY, null, "admin", NOW), name);
            assertEquals("name", refused.field());
        }
        for (String name : java.util.List.of("🔑 deploy key", "👨‍👩‍👧 family", "שלום", "مرحبا", "naïve café", "日本語")) {
            assertEquals(name, new ApiToken(name, AccessLevel.READ_ONLY, null, "admin", NOW).getName());
        }
    }

    @Test
    void accessLevelIsRequired() {
        assertEquals("accessLevel", assertThrows(InvalidTokenException.class,
                () -> new ApiToken("n", null, null, "admin", NOW)).field());
    }

    @Test
    void expiryMustBeInTheFuture() {
        assertEquals("expiresAt", assertThrows(InvalidTokenException.class,
                () -> new ApiToken("n", AccessLevel.READ_ONLY, NOW.minusSeconds(1), "admin", NOW)).field());
        ApiToken token = new ApiToken("n", AccessLevel.READ_ONLY, NOW.plus(Duration.ofDays(1)), "admin", NOW);
        assertFalse(token.isExpired(NOW));
        assertTrue(token.isExpired(NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void keepingAnExpiryThatHasPassedIsAllowed() {
        ApiToken token = new ApiToken("n", AccessLevel.READ_ONLY, NOW.plusSeconds(60), "admin", NOW);
        Instant later = NOW.plusSeconds(120);
        token.changeExpiry(NOW.plusSeconds(60), later);
        assertTrue(token.isExpired(later));
    }

    @Test
    void levelsPermitWhatTheyPromise() {
        assertTrue(AccessLevel.READ_ONLY.permits(AccessLevel.READ_ONLY));
        assertFalse(AccessLevel.READ_ONLY.permits(AccessLevel.READ_AND_WRITE));
        assertTrue(AccessLevel.READ_AND_WRITE.permits(AccessLevel.READ_AND_WRITE));
        assertTrue(AccessLevel.READ_AND_WRITE.permits(AccessLevel.READ_ONLY));
    }
}
