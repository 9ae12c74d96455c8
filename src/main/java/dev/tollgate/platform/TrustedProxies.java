package dev.tollgate.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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
    static final TrustedProxies NONE = new TrustedProxies(List.of());
    static final int MAX_HOPS = 20;
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(network, 0, whole, address, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (network[whole] & mask) == (address[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses the setting; a wrong entry stops the start with the entry named. */
    static TrustedProxies parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : configured.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            String bits = slash < 0 ? null : text.substring(slash + 1);
            int max = address == null ? 0 : address.length * 8;
            if (address == null || bits != null && (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max)) {
                throw new IllegalStateException(KEY + ": \"" + text + "\" is not an IP address or CIDR range "
                        + "(e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)");
            }
            ranges.add(new Range(address, bits == null ? max : Integer.parseInt(bits)));
        }
        return new TrustedProxies(ranges);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        byte[] parsed = literal(address);
        return parsed != null && ranges.stream().anyMatch(range -> range.contains(parsed));
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

    /** The address's bytes if the text is an IPv4 or IPv6 literal, else null; never a name look-up. */
    static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            // With a colon or as a dotted quad, InetAddress parses a literal and looks nothing up.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | RuntimeException notALiteral) {
            return null;
        }
    }

    private static String canonical(byte[] address, String text) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException impossible) {
            return text;
        }
    }
}
