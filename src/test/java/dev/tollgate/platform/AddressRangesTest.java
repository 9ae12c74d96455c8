package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

    @Test
    void addressesAndRangesOfBothFamiliesSeparatedByCommasSpacesOrLines() {
        AddressRanges ranges = AddressRanges.parse(" 203.0.113.7,10.0.0.0/8\n2001:DB8::/32\r\n\n fd00::1 ");
        assertEquals(4, ranges.size());
        for (String inside : List.of("203.0.113.7", "10.255.0.1", "2001:db8:1::9", "fd00::1", "::ffff:10.1.1.1")) {
            assertTrue(ranges.contains(inside), inside);
        }
        for (String outside : List.of("203.0.113.8", "11.0.0.1", "2001:db9::1", "fd00::2", "localhost", "", "x")) {
            assertFalse(ranges.contains(outside), outside);
        }
        assertFalse(ranges.contains(null));
    }

    @Test
    void entriesAreCanonicalNetworkAddressesWithoutRepeats() {
        assertEquals(List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.1", "10.1.2.0/23"),
                AddressRanges.parse("10.1.2.3/8, 2001:0DB8:abcd::/32, 192.0.2.1/32, 10.0.0.0/8, 10.1.3.4/23")
                        .entries());
        assertEquals("0.0.0.0/0", AddressRanges.parse("1.2.3.4/0").toString());
        assertEquals("10.0.0.0/8, 192.0.2.1", AddressRanges.parse("10.0.0.0/8 192.0.2.1").toString());
    }

    @Test
    void ipv6IsWrittenAsRfc5952Does() {
        assertEquals("2001:db8::1", AddressRanges.parse("2001:0DB8:0000:0000:0000:0000:0000:0001").toString());
        assertEquals("2001:db8:0:1:1:1:1:1", AddressRanges.parse("2001:db8:0:1:1:1:1:1").toString());
        assertEquals("2001:0:0:1::1", AddressRanges.parse("2001:0:0:1:0:0:0:1").toString(), "the longer run");
        assertEquals("2001:db8::1:0:0:1", AddressRanges.parse("2001:db8:0:0:1:0:0:1").toString(), "the first");
        assertEquals("::", AddressRanges.parse("::/0").toString().replace("/0", ""));
        assertEquals("::1", AddressRanges.parse("::1").toString());
        assertEquals("fe80::", AddressRanges.parse("fe80::").toString());
        assertEquals("fd00::/8", AddressRanges.parse("fdff::1/8").toString());
    }

    @Test
    void anythingButAnIpLiteralOrRangeIsRefusedWithTheEntryNamed() {
        for (String wrong : List.of("example.com", "10.0.0.0/33", "::/129", "10.0.0", "10.0.0.0/", "10.0.0.0/x",
                "256.1.1.1", "10.0.0.1:80", "[2001:db8::1]", "1.2.3.4/08/1")) {
            AddressRanges.InvalidRangeException refused = assertThrows(AddressRanges.InvalidRangeException.class,
                    () -> AddressRanges.parse("192.0.2.1, " + wrong), wrong);
            assertTrue(refused.getMessage().startsWith("\"" + wrong + "\" is not an IP address or CIDR range"),
                    refused.getMessage());
        }
        String long1 = "a".repeat(80);
        assertTrue(assertThrows(AddressRanges.InvalidRangeException.class, () -> AddressRanges.parse(long1))
                .getMessage().startsWith("\"" + "a".repeat(50) + "…\""), "a long entry is shortened in the message");
    }

    @Test
    void blankIsNone() {
        assertTrue(AddressRanges.parse(null).isEmpty());
        assertTrue(AddressRanges.parse(" ,\n ").isEmpty());
        assertEquals("", AddressRanges.NONE.toString());
    }
}
