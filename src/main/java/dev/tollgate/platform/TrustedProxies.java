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
    static final String HEADER_KEY = "tollgate.api.forwarded-header";
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED = "Forwarded";
    static final TrustedProxies NONE = new TrustedProxies(AddressRanges.NONE, X_FORWARDED_FOR);
    static final int MAX_HOPS = 20;

    private final AddressRanges ranges;
    private final String header;

    private TrustedProxies(AddressRanges ranges, String header) {
        this.ranges = ranges;
        this.header = header;
    }

    /** Parses the setting, with X-Forwarded-For as the header the proxies write. */
    static TrustedProxies parse(String configured) {
        return parse(configured, null);
    }

    /**
     * Parses the settings: the proxies, and which header they write ({@code X-Forwarded-For} by default, or RFC
     * 7239's {@code Forwarded}). Only that one header is read: a proxy appends to its own header, so a client's
     * copy of the other would otherwise be believed. A wrong entry stops the start with the entry named.
     */
    static TrustedProxies parse(String configured, String forwardedHeader) {
        String header;
        if (forwardedHeader == null || forwardedHeader.isBlank()
                || forwardedHeader.strip().equalsIgnoreCase(X_FORWARDED_FOR)) {
            header = X_FORWARDED_FOR;
        } else if (forwardedHeader.strip().equalsIgnoreCase(FORWARDED)) {
            header = FORWARDED;
        } else {
            throw new IllegalStateException(HEADER_KEY + ": \"" + forwardedHeader + "\" is neither "
                    + X_FORWARDED_FOR + " nor " + FORWARDED);
        }
        try {
            AddressRanges ranges = AddressRanges.parse(configured);
            return ranges.isEmpty() ? NONE : new TrustedProxies(ranges, header);
        } catch (AddressRanges.InvalidRangeException wrong) {
            throw new IllegalStateException(KEY + ": " + wrong.getMessage());
        }
    }

    /** The header the proxies write: X-Forwarded-For or Forwarded. */
    String header() {
        return header;
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
        for (String value : forwardedFor) {
            for (String hop : value.split(",", MAX_HOPS + 2)) {
                hops.add(FORWARDED.equals(header) ? forNode(hop) : hop.strip());
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

    /**
     * The address in one element of a {@code Forwarded} header ({@code for=192.0.2.60;proto=https},
     * {@code for="[2001:db8::17]:4711"}), without quotes, brackets or port; the text as it is if it is none
     * (an obfuscated or "unknown" node, which ends the walk), or "" if the element has no {@code for}.
     */
    static String forNode(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals < 0 || !pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                continue;
            }
            String node = pair.substring(equals + 1).strip();
            if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
                node = node.substring(1, node.length() - 1);
            }
            if (node.startsWith("[")) {
                int close = node.indexOf(']');
                return close < 0 ? node : node.substring(1, close);
            }
            int colon = node.indexOf(':');
            return colon >= 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
        }
        return "";
    }

    static byte[] literal(String text) {
        return AddressRanges.literal(text);
    }

    private static String canonical(byte[] address, String text) {
        return AddressRanges.canonical(address, text);
    }
}
