package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ExpiryFilterTest {

    private static final Instant NOW = Instant.parse("2031-06-03T12:00:00Z");

    @Test
    void eachFilterIsOneRangeOfExpiries() {
        assertNull(ExpiryFilter.EXPIRED.after(NOW));
        assertEquals(NOW, ExpiryFilter.EXPIRED.notAfter(NOW), "expired at now: isExpired says so too");
        assertEquals(NOW, ExpiryFilter.SOON.after(NOW));
        assertEquals(NOW.plus(Duration.ofDays(7)), ExpiryFilter.SOON.notAfter(NOW));
        assertNull(ExpiryFilter.EXPIRED_OR_SOON.after(NOW));
        assertEquals(NOW.plus(Duration.ofDays(7)), ExpiryFilter.EXPIRED_OR_SOON.notAfter(NOW));
    }

    @Test
    void anythingButAFiltersNameIsNoFilter() {
        assertEquals(ExpiryFilter.SOON, ExpiryFilter.parse("SOON"));
        assertNull(ExpiryFilter.parse(null));
        assertNull(ExpiryFilter.parse("soon"));
        assertNull(ExpiryFilter.parse("SOON' OR 1=1"));
    }
}
