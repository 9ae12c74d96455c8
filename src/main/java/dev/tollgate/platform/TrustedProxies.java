package dev.tollgate.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code tollgate.api.trusted-proxies}: addresses and CIDR
 * ranges, comma-separated, IPv4 and IPv6), and the client address a request came from through them.
 *
 * <p>A forwarded header is the client's own text until a proxy we trust vouches for the hop it appended, so it is
 * read from the right: each address added by a trusted proxy is skipped, and the first one that is not a trusted
 * proxy is the client. Anything else in the header (names, ports, "unknown", garbage, more than {@value #MAX_HOPS}
 * hops) ends the walk: the client is then the last hop a trusted proxy vouched for. A request from an address that
 * is not a trusted proxy is taken at its connection's address, whatever it claims. Only IP literals are parsed:
 * nothing here ever looks up a name.
 */
final class TrustedProxies {

    static final String KEY = "tollgate.api.trusted-proxies";
    static final TrustedProxies NONE = new TrustedProxies(AddressRanges.NONE);
    static final int MAX_HOPS = 20;

    private final AddressRanges ranges;

    private TrustedProxies(AddressRanges ranges) {
        this.ranges = ranges;
    }

    /** Parses the setting; a wrong entry stops the start with the entry named. */
    static TrustedProxies parse(String configured) {
        try {
            AddressRanges ranges = AddressRanges.parse(configured);
            return ranges.isEmpty() ? NONE : new TrustedProxies(ranges);
        } catch (AddressRanges.InvalidRangeException wrong) {
            throw new IllegalStateException(KEY + ": " + wrong.getMessage());
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        return ranges.contains(address);
    }

    /** The client's address: the connection's, or the one that trusted proxies forwarded. */
    String clientOf(String remoteAddress, List<String> forwardedFor) {
        if (ranges.isEmpty() || forwardedFor == null || forwardedFor.isEmpty() || !trusts(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",", MAX_HOPS + 2)) {
                hops.add(hop.strip());
            }
        }
        String client = remoteAddress;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            String hop = hops.get(i);
            byte[] parsed = literal(hop);
            if (parsed == null) {
                break;
            }
            client = canonical(parsed, hop);
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    static byte[] literal(String text) {
        return AddressRanges.literal(text);
    }

    private static String canonical(byte[] address, String text) {
        return AddressRanges.canonical(address, text);
    }
}
