package dev.tollgate.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of IP addresses and CIDR ranges, IPv4 and IPv6, and whether an address is in it: the trusted proxies'
 * setting and a token's allow-list. Only IP literals are parsed: nothing here ever looks up a name. An IPv4-mapped
 * IPv6 address ({@code ::ffff:10.1.2.3}) is its IPv4 address.
 */
public final class AddressRanges {

    public static final AddressRanges NONE = new AddressRanges(List.of());
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

        /** The range's own text: its network address (host bits cleared), and the bits if it is not one address. */
        String text() {
            byte[] masked = network.clone();
            for (int i = 0; i < masked.length; i++) {
                int keep = Math.max(0, Math.min(8, bits - i * 8));
                masked[i] &= (byte) ((0xFF << (8 - keep)) & 0xFF);
            }
            String address = masked.length == 16 ? compact(masked) : canonical(masked, "");
            return bits == masked.length * 8 ? address : address + "/" + bits;
        }
    }

    /** Why a list cannot be used; the message names the entry. */
    public static final class InvalidRangeException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidRangeException(String message) {
            super(message);
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses entries separated by commas, whitespace or line breaks; empty entries are skipped.
     *
     * @throws InvalidRangeException for an entry that is not an address or range, naming it
     */
    public static AddressRanges parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : text.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            String bits = slash < 0 ? null : entry.substring(slash + 1);
            int max = address == null ? 0 : address.length * 8;
            if (address == null || bits != null && (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max)) {
                throw new InvalidRangeException("\"" + shorten(entry) + "\" is not an IP address or CIDR range"
                        + " (e.g. 10.0.0.5, 10.0.0.0/8, 2001:db8::/32)");
            }
            ranges.add(new Range(address, bits == null ? max : Integer.parseInt(bits)));
        }
        return new AddressRanges(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public int size() {
        return ranges.size();
    }

    /** Whether the address, an IP literal, is in one of the ranges; never for anything that is not a literal. */
    public boolean contains(String address) {
        byte[] parsed = literal(address);
        if (parsed == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(parsed)) {
                return true;
            }
        }
        return false;
    }

    /** Each range in its own form (network address, bits), in the order given, without repeats. */
    public List<String> entries() {
        return ranges.stream().map(Range::text).distinct().toList();
    }

    /** The entries, comma-separated: the form a list is stored in. */
    @Override
    public String toString() {
        return String.join(", ", entries());
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

    static String canonical(byte[] address, String text) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException impossible) {
            return text;
        }
    }

    /** An IPv6 address as RFC 5952 writes it: lower case, no leading zeros, the longest run of zeros as "::". */
    static String compact(byte[] v6) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (v6[2 * i] & 0xFF) << 8 | v6[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays "0"
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static String shorten(String entry) {
        return entry.length() > 50 ? entry.substring(0, 50) + "…" : entry;
    }
}
