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

    @Test
    void anAllowListIsStoredCanonicalAndCountedAndABlankOneLiftsIt() {
        ApiToken token = new ApiToken(new TokenDraft("n", AccessLevel.READ_ONLY, null,
                "10.1.2.3/8\n192.0.2.1 , 10.0.0.0/8"), "admin", NOW);
        assertEquals("10.0.0.0/8, 192.0.2.1", token.getAllowedAddresses());
        assertEquals(2, token.getAddressCount());
        token.restrictTo("  \n ");
        assertEquals(null, token.getAllowedAddresses());
        assertEquals(0, token.getAddressCount());
    }

    @Test
    void aWrongOrOverlongAllowListIsRefusedAtItsFieldAndChangesNothing() {
        ApiToken token = new ApiToken(new TokenDraft("n", AccessLevel.READ_ONLY, null, "192.0.2.1"), "admin", NOW);
        InvalidTokenException wrong = assertThrows(InvalidTokenException.class,
                () -> token.restrictTo("10.0.0.0/8, intranet.example"));
        assertEquals("allowedAddresses", wrong.field());
        assertEquals("\"intranet.example\" is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8,"
                + " 2001:db8::/32).", wrong.getMessage());
        StringBuilder fiftyOne = new StringBuilder();
        for (int i = 0; i <= ApiToken.ADDRESSES_MAX; i++) {
            fiftyOne.append("10.0.").append(i).append(".0/24,");
        }
        assertEquals("At most 50 addresses or ranges; this list has 51.",
                assertThrows(InvalidTokenException.class, () -> token.restrictTo(fiftyOne.toString())).getMessage());
        assertEquals("allowedAddresses", assertThrows(InvalidTokenException.class,
                () -> token.restrictTo(" ".repeat(ApiToken.ADDRESSES_TEXT_MAX) + "1.2.3.4")).field());
        assertEquals("192.0.2.1", token.getAllowedAddresses());
        assertEquals(1, token.getAddressCount());
    }
}
