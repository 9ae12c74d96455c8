package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.5, 192.168.0.0/16 ,fd00::/8,, ");

    @Test
    void addressesAndRangesOfBothFamilies() {
        assertTrue(proxies.trusts("10.0.0.5"));
        assertFalse(proxies.trusts("10.0.0.6"));
        assertTrue(proxies.trusts("192.168.255.1"));
        assertFalse(proxies.trusts("192.169.0.1"));
        assertTrue(proxies.trusts("fd12:3456::1"));
        assertFalse(proxies.trusts("fe80::1"));
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.9"));
        assertTrue(TrustedProxies.parse("10.1.2.3/31").trusts("10.1.2.2"));
        assertFalse(TrustedProxies.parse("10.1.2.3/31").trusts("10.1.2.4"));
        assertTrue(TrustedProxies.parse(null).isEmpty());
    }

    @Test
    void aWrongEntryIsNamed() {
        for (String wrong : List.of("proxy.example.com", "10.0.0.256", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x",
                "10.0.0.1:8080", "localhost", "*")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> TrustedProxies.parse("10.0.0.5," + wrong), wrong);
            assertTrue(refused.getMessage().contains(wrong), refused.getMessage());
        }
    }

    @Test
    void theClientIsTheFirstHopFromTheRightThatNoTrustedProxyIs() {
        assertEquals("203.0.113.7", proxies.clientOf("10.0.0.5", List.of("203.0.113.7")));
        assertEquals("203.0.113.7", proxies.clientOf("10.0.0.5", List.of("198.51.100.1, 203.0.113.7")),
                "what the client wrote itself, left of the proxy's hop, is not believed");
        assertEquals("203.0.113.7", proxies.clientOf("10.0.0.5", List.of("1.1.1.1", "203.0.113.7, 192.168.1.1")),
                "two trusted proxies, two headers");
        assertEquals("2001:db8:0:0:0:0:0:1", proxies.clientOf("10.0.0.5", List.of("2001:db8::1")));
    }

    @Test
    void aForwardedHeaderFromAnyoneElseIsIgnored() {
        assertEquals("203.0.113.50", proxies.clientOf("203.0.113.50", List.of("10.9.9.9")));
        assertEquals("203.0.113.50", TrustedProxies.NONE.clientOf("203.0.113.50", List.of("10.9.9.9")));
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", List.of()));
    }

    @Test
    void garbageEndsTheWalkAtTheLastHopATrustedProxyVouchedFor() {
        for (String garbage : List.of("unknown", "evil.example.com", "203.0.113.7:443", "[2001:db8::1]", "",
                "' OR 1=1 --", "1.2.3.4.5", "\u0000", "x".repeat(10_000))) {
            assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", List.of(garbage)), garbage);
            assertEquals("192.168.1.1", proxies.clientOf("10.0.0.5", List.of(garbage + ", 192.168.1.1")), garbage);
        }
        String many = "10.0.0.5, ".repeat(50) + "192.168.1.1";
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", List.of(many)), "at most 20 hops are read");
    }

    @Test
    void behindProxiesThatWriteRfc7239sForwardedThatHeaderIsReadTheSameWay() {
        TrustedProxies rfc = TrustedProxies.parse("10.0.0.5, 192.168.0.0/16", " forwarded ");
        assertEquals("Forwarded", rfc.header());
        assertEquals("203.0.113.7", rfc.clientOf("10.0.0.5", List.of("for=203.0.113.7;proto=https;by=10.0.0.5")));
        assertEquals("203.0.113.7", rfc.clientOf("10.0.0.5",
                List.of("for=198.51.100.1, for=\"203.0.113.7:4711\"", "For=192.168.1.1")), "the client's own is not");
        assertEquals("2001:db8:cafe:0:0:0:0:17",
                rfc.clientOf("10.0.0.5", List.of("for=\"[2001:db8:cafe::17]:4711\"")));
        assertEquals("2001:db8:0:0:0:0:0:1", rfc.clientOf("10.0.0.5", List.of("proto=http;for=\"[2001:db8::1]\"")));
        for (String garbage : List.of("for=unknown", "for=_hidden", "proto=https", "for=\"evil.example\"", "for=",
                "for=[2001:db8::1", "x".repeat(5_000))) {
            assertEquals("192.168.1.1", rfc.clientOf("10.0.0.5", List.of(garbage + ", for=192.168.1.1")), garbage);
        }
        assertEquals("X-Forwarded-For", TrustedProxies.parse("10.0.0.5", null).header());
        assertEquals("X-Forwarded-For", TrustedProxies.parse("10.0.0.5", "x-forwarded-for").header());
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> TrustedProxies.parse("10.0.0.5", "X-Real-IP"));
        assertTrue(wrong.getMessage().startsWith("tollgate.api.forwarded-header: \"X-Real-IP\""),
                wrong.getMessage());
    }

    @Test
    void onlyLiteralsAreParsedNeverNames() {
        assertNull(TrustedProxies.literal("localhost"));
        assertNull(TrustedProxies.literal("abc"));
        assertNull(TrustedProxies.literal("1.2.3"));
        assertEquals(16, TrustedProxies.literal("::1").length);
        assertEquals(4, TrustedProxies.literal("127.0.0.1").length);
    }
}
