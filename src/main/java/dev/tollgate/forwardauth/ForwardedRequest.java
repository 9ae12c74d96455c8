package dev.tollgate.forwardauth;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.tollgate.token.AccessLevel;

/**
 * What a reverse proxy says about the request it asks about: the original method and URI, from nginx's
 * {@code X-Original-Method} and {@code X-Original-URI} or Caddy's and Traefik's {@code X-Forwarded-Method} and
 * {@code X-Forwarded-Uri}, and a level that the proxy's configuration demands for the location
 * ({@code Tollgate-Require-Level}).
 *
 * <p>None of these is trusted further than it can do harm. A proxy sets the headers of its own style and a client
 * may add the other style's: when both styles arrive they must agree, or the request is refused, so a client cannot
 * slip a {@code GET} past a proxy configured for the other style. The required level can only raise what the method
 * needs, never lower it: a client that forges it gains nothing. A header sent twice is refused, but the level, of
 * which the highest counts.
 *
 * @param uri   the original URI, or null if the proxy sends none; checked, not used for the decision: rules per path
 *              live in the proxy's configuration
 * @param floor the level the proxy demands whatever the method, or null
 */
record ForwardedRequest(String method, String uri, AccessLevel floor) {

    static final String ORIGINAL_METHOD = "X-Original-Method";
    static final String ORIGINAL_URI = "X-Original-URI";
    static final String FORWARDED_METHOD = "X-Forwarded-Method";
    static final String FORWARDED_URI = "X-Forwarded-Uri";
    static final String REQUIRE_LEVEL = "Tollgate-Require-Level";
    static final String READ_ONLY = "read-only";
    static final String READ_AND_WRITE = "read-and-write";
    private static final int MAX_METHOD = 32;
    private static final int MAX_URI = 8192;

    /** Why the proxy's headers cannot be used; the message is for the proxy's operator. */
    static final class Unusable extends Exception {

        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** @param headers a request header's values by name (case-insensitive), an empty list if it was not sent */
    static ForwardedRequest from(Function<String, List<String>> headers) throws Unusable {
        String method = agreed(headers, ORIGINAL_METHOD, FORWARDED_METHOD);
        if (method == null) {
            throw new Unusable("Forward authentication needs the original request's method in " + ORIGINAL_METHOD
                    + " (nginx) or " + FORWARDED_METHOD + " (Caddy, Traefik); the proxy sent neither.");
        }
        if (method.isEmpty() || method.length() > MAX_METHOD
                || !method.chars().allMatch(ForwardedRequest::isTokenChar)) {
            throw new Unusable("The original request's method is not an HTTP method.");
        }
        String uri = agreed(headers, ORIGINAL_URI, FORWARDED_URI);
        if (uri != null && (uri.length() > MAX_URI || !uri.startsWith("/")
                || !uri.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new Unusable("The original request's URI is not a path of at most " + MAX_URI
                    + " printable ASCII characters.");
        }
        return new ForwardedRequest(method, uri, floor(values(headers, REQUIRE_LEVEL)));
    }

    /** The value of whichever of the two headers was sent; both must agree if both were. */
    private static String agreed(Function<String, List<String>> headers, String one, String other) throws Unusable {
        String first = single(headers, one);
        String second = single(headers, other);
        if (first != null && second != null && !first.equals(second)) {
            throw new Unusable(one + " and " + other + " disagree: the proxy must send one of them, and a client"
                    + " must not be able to add the other.");
        }
        return first != null ? first : second;
    }

    private static String single(Function<String, List<String>> headers, String name) throws Unusable {
        List<String> values = values(headers, name);
        if (values.size() > 1) {
            throw new Unusable(name + " was sent more than once.");
        }
        return values.isEmpty() ? null : values.get(0).strip();
    }

    private static AccessLevel floor(List<String> values) throws Unusable {
        AccessLevel floor = null;
        for (String value : values) {
            AccessLevel level = switch (value.strip().toLowerCase(Locale.ROOT)) {
                case READ_ONLY -> AccessLevel.READ_ONLY;
                case READ_AND_WRITE -> AccessLevel.READ_AND_WRITE;
                default -> throw new Unusable(REQUIRE_LEVEL + " must be \"" + READ_ONLY + "\" or \""
                        + READ_AND_WRITE + "\".");
            };
            if (floor == null || !floor.permits(level)) {
                floor = level;
            }
        }
        return floor;
    }

    private static List<String> values(Function<String, List<String>> headers, String name) {
        List<String> values = headers.apply(name);
        return values == null ? List.of() : values;
    }

    /** RFC 9110's token characters, of which a method consists. */
    private static boolean isTokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
