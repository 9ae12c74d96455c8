package dev.tollgate.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, with a problem+json 400, a request sent under {@code /api} whose path carries encoded slashes or dots,
 * dot segments, backslashes, path parameters ({@code ;jsessionid=}) or double encoding.
 *
 * <p>The server decodes and normalises the path before it picks the servlet: {@code /api/settings/..%2F..%2Fetc}
 * becomes {@code /etc}, a console path, and was answered with the sign-in redirect; {@code /api/%2e%2e/sign-in}
 * reached the sign-in page. An API client never needs any of these, so any of them is refused before the request
 * reaches any resource, including the ones that would have stayed inside {@code /api}. It runs first in the
 * console's authentication mechanism, since the server authenticates (and redirects to sign-in) before any filter.
 *
 * <p>Payara answers some of these before any application code runs: a NUL ({@code %00}) or a backslash with a bare
 * 400, some trailing dot segments with an empty answer (see ApiIT); the rules here cover every other server.
 */
public final class HostilePaths {

    private static final List<String> FORBIDDEN = List.of("%2e", "%2f", "%5c", "%25", "%00", "\\", ";", "/./",
            "/../", "//");
    private static final String DETAIL = "The path may not contain encoded slashes or dots, dot segments, "
            + "backslashes or path parameters.";

    private HostilePaths() {
    }

    /** Writes the refusal and returns true if the request was sent under /api with such a path. */
    public static boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = rawPathInApplication(request);
        if (path == null || !sentToApi(path) || !hostile(path)) {
            return false;
        }
        byte[] body = Problem.body(400, DETAIL, null).getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.setContentType(Problem.JSON.toString());
        response.setContentLength(body.length);
        // The exchange is over: the request read to its end (as far as the server's own size limit lets it) and
        // the answer closed. WildFly otherwise sends its own error page over the finished answer once the
        // authentication mechanism returns, and logs "UT010019: Response already commited" for every such request.
        try {
            request.getInputStream().close();
        } catch (IOException bodyTooLargeOrCutOff) {
            // the answer goes out all the same
        }
        try (var out = response.getOutputStream()) {
            out.write(body);
        }
        return true;
    }

    static boolean sentToApi(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("/api")) {
            return false;
        }
        if (lower.length() == 4) {
            return true;
        }
        char next = lower.charAt(4);
        return next == '/' || next == ';' || next == '%' || next == '.' || next == '\\';
    }

    static boolean hostile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return FORBIDDEN.stream().anyMatch(lower::contains) || lower.endsWith("/.") || lower.endsWith("/..")
                || lower.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The path as the client sent it (undecoded), without the application's context path; null if unclear. */
    static String rawPathInApplication(HttpServletRequest request) {
        String raw = request.getRequestURI();
        if (raw == null) {
            return null;
        }
        // The context path is decoded; skip as many raw segments as it has, however they were encoded.
        String context = request.getContextPath();
        int segments = context == null || context.isEmpty() ? 0 : context.split("/", -1).length - 1;
        int at = 0;
        for (int i = 0; i < segments; i++) {
            int slash = raw.indexOf('/', at + 1);
            if (slash < 0) {
                return null;
            }
            at = slash;
        }
        return raw.substring(at);
    }
}
