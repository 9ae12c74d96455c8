package dev.tollgate.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What a client presented in its {@code Authorization} header: {@code Bearer <token>}, or {@code Basic} with the
 * token as user name and the password ignored (so that help-desk style clients and {@code curl -u 'TOKEN:X'} work).
 *
 * <p>Only that header is read. A token in the query string or a form field is never looked at: URLs end up in logs
 * and browser histories (OWASP REST Security Cheat Sheet).
 *
 * @param scheme {@code Bearer}, {@code Basic}, or {@code other} for a header we cannot use; null if none was sent
 * @param token  the presented value, or null if the header was unusable (two headers, bad Base64, no value)
 */
record Credentials(String scheme, String token) {

    static final String BEARER = "Bearer";
    static final String BASIC = "Basic";
    private static final Credentials NONE = new Credentials(null, null);

    static Credentials from(List<String> authorizationHeaders) {
        if (authorizationHeaders == null || authorizationHeaders.isEmpty()) {
            return NONE;
        }
        if (authorizationHeaders.size() > 1) {
            return new Credentials("other", null);
        }
        String header = authorizationHeaders.get(0).strip();
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : header.substring(space + 1).strip();
        switch (scheme) {
            case "bearer":
                return new Credentials(BEARER, rest.isEmpty() ? null : rest);
            case "basic":
                return new Credentials(BASIC, userOf(rest));
            default:
                return new Credentials("other", null);
        }
    }

    boolean isPresent() {
        return scheme != null;
    }

    /** Never the token: a record's own toString would put the secret into any log line or exception message. */
    @Override
    public String toString() {
        return "Credentials[scheme=" + scheme + ", token=" + (token == null ? "none" : "(hidden)") + "]";
    }

    /** The user name of Basic credentials: everything before the first colon (RFC 7617), or null. */
    private static String userOf(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isEmpty() ? null : user;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
