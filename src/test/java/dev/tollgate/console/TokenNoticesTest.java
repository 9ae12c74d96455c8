package dev.tollgate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenNoticesTest {

    private static final Instant NOW = Instant.parse("2031-06-03T12:00:00Z");

    @Test
    void aTokenThatExpiresWithinSevenDaysSaysWhenInTheLargestWholeUnit() {
        assertEquals("expires in 7 days", TokenNotices.expiresSoon(NOW.plus(Duration.ofDays(7)), NOW));
        assertEquals("expires in 3 days", TokenNotices.expiresSoon(NOW.plus(Duration.ofHours(95)), NOW));
        assertEquals("expires in 1 day", TokenNotices.expiresSoon(NOW.plus(Duration.ofHours(24)), NOW));
        assertEquals("expires in 23 hours", TokenNotices.expiresSoon(NOW.plus(Duration.ofMinutes(23 * 60 + 59)), NOW));
        assertEquals("expires in 1 hour", TokenNotices.expiresSoon(NOW.plus(Duration.ofMinutes(60)), NOW));
        assertEquals("expires in 59 minutes", TokenNotices.expiresSoon(NOW.plus(Duration.ofSeconds(58 * 60 + 1)), NOW));
        assertEquals("expires in 1 minute", TokenNotices.expiresSoon(NOW.plusSeconds(1), NOW));
    }

    @Test
    void neverExpiringLaterAndExpiredTokensGetNoSuchNotice() {
        assertNull(TokenNotices.expiresSoon(null, NOW));
        assertNull(TokenNotices.expiresSoon(NOW.plus(Duration.ofDays(7)).plusSeconds(1), NOW));
        assertNull(TokenNotices.expiresSoon(NOW, NOW), "expired: the page marks it Expired");
        assertNull(TokenNotices.expiresSoon(NOW.minusSeconds(1), NOW));
    }

    @Test
    void unusedIsOffByDefaultAndCountsFromTheLastUseOrTheCreation() {
        Instant longAgo = NOW.minus(Duration.ofDays(50));
        assertNull(TokenNotices.unused(longAgo, longAgo, NOW, 0));
        assertEquals("unused for 50 days", TokenNotices.unused(longAgo, longAgo.minusSeconds(9), NOW, 45));
        assertEquals("never used in 50 days", TokenNotices.unused(null, longAgo, NOW, 45));
        assertNull(TokenNotices.unused(NOW.minus(Duration.ofDays(44)), longAgo, NOW, 45));
        assertEquals("unused for 1 day", TokenNotices.unused(NOW.minus(Duration.ofHours(25)), longAgo, NOW, 1));
    }
}
