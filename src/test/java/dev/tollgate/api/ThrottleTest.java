package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void blocksAnAddressAfterTheLimitUntilItsMinuteHasPassed() {
        Throttle throttle = new Throttle(3);
        assertFalse(throttle.failed("10.0.0.1", T0));
        assertFalse(throttle.failed("10.0.0.1", T0.plusSeconds(10)));
        assertTrue(throttle.blockedFor("10.0.0.1", T0.plusSeconds(10)).isEmpty());
        assertTrue(throttle.failed("10.0.0.1", T0.plusSeconds(20)));

        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.blockedFor("10.0.0.1", T0.plusSeconds(30)));
        assertTrue(throttle.blockedFor("10.0.0.2", T0.plusSeconds(30)).isEmpty());
        assertTrue(throttle.blockedFor("10.0.0.1", T0.plusSeconds(60)).isEmpty());
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() {
        Throttle throttle = new Throttle(2);
        throttle.failed("10.0.0.1", T0);
        assertFalse(throttle.failed("10.0.0.1", T0.plusSeconds(61)));
        assertTrue(throttle.blockedFor("10.0.0.1", T0.plusSeconds(62)).isEmpty());
    }

    @Test
    void zeroDisablesThrottling() {
        Throttle throttle = new Throttle(0);
        for (int i = 0; i < 100; i++) {
            assertFalse(throttle.failed("10.0.0.1", T0));
        }
        assertTrue(throttle.blockedFor("10.0.0.1", T0).isEmpty());
    }

    @Test
    void countsIpv6ClientsPerSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", Throttle.keyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(Throttle.keyOf("2001:db8:1:2::1"), Throttle.keyOf("2001:db8:1:2:ffff::9%eth0"));
        assertEquals("10.1.2.3", Throttle.keyOf("10.1.2.3"));
        assertEquals("10.1.2.3", Throttle.keyOf("::ffff:10.1.2.3"));

        Throttle throttle = new Throttle(2);
        throttle.failed("2001:db8:1:2::1", T0);
        throttle.failed("2001:db8:1:2::2", T0);
        assertTrue(throttle.blockedFor("2001:db8:1:2::3", T0).isPresent());
        assertTrue(throttle.blockedFor("2001:db8:1:3::1", T0).isEmpty());
    }

    @Test
    void memoryStaysBoundedWhateverAddressesFail() {
        Throttle throttle = new Throttle(3);
        for (int i = 0; i < Throttle.MAX_ADDRESSES * 3; i++) {
            throttle.failed(address(i), T0);
        }
        assertTrue(throttle.tracked() <= Throttle.MAX_ADDRESSES, "tracked " + throttle.tracked());
        throttle.failed("192.0.2.77", T0);
        throttle.failed("192.0.2.77", T0);
        assertTrue(throttle.failed("192.0.2.77", T0), "the latest failures are always counted");
    }

    @Test
    void aFloodOfNewAddressesNeverLiftsARunningBlock() {
        Throttle throttle = new Throttle(3);
        for (int i = 0; i < 3; i++) {
            throttle.failed("192.0.2.1", T0);
        }
        for (int i = 0; i < 2; i++) {
            throttle.failed("192.0.2.2", T0); // two failures: evicted after the single ones
        }
        for (int i = 0; i < Throttle.MAX_ADDRESSES * 3; i++) {
            throttle.failed(address(i), T0.plusSeconds(1));
        }
        assertTrue(throttle.tracked() <= Throttle.MAX_ADDRESSES, "tracked " + throttle.tracked());
        assertEquals(Optional.of(Duration.ofSeconds(58)), throttle.blockedFor("192.0.2.1", T0.plusSeconds(2)));
        assertTrue(throttle.blockedFor("192.0.2.1", T0.plusSeconds(60)).isEmpty(), "the block still ends in time");
    }

    @Test
    void anIpv6SiteHasABudgetAcrossItsSlash64s() {
        Throttle throttle = new Throttle(2);
        int budget = 2 * Throttle.SITE_FACTOR;
        for (int i = 1; i < budget; i++) {
            assertFalse(throttle.failed("2001:db8:7:" + Integer.toHexString(i) + "::1", T0), "failure " + i);
        }
        assertTrue(throttle.blockedFor("2001:db8:7:ffff::1", T0).isEmpty());
        assertTrue(throttle.failed("2001:db8:7:ffff::1", T0), "the site's budget is spent");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.blockedFor("2001:db8:7:abcd::5", T0));
        assertTrue(throttle.blockedFor("2001:db8:8::1", T0).isEmpty(), "another site");
        assertTrue(throttle.blockedFor("192.0.2.9", T0).isEmpty());
        assertEquals("2001:db8:7:0:0:0:0:0/48", Throttle.siteOf("2001:db8:7:1:2:3:4:5"));
        assertEquals(null, Throttle.siteOf("::ffff:10.1.2.3"));
    }

    private static String address(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }
}
