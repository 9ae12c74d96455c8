package dev.tollgate.forwardauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.api.ApiClock;
import dev.tollgate.api.TokenAccess;
import dev.tollgate.api.TokenExpiryHeader;
import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.TokenSnapshot;

/**
 * Answers a reverse proxy's question, "may this request pass?", by the API's rules ({@link TokenAccess}), in the
 * statuses every proxy understands: 204 with the token's id, name and level in {@code Tollgate-Token-*} headers for
 * the proxy to pass on to its backend, and its expiry ({@link TokenExpiryHeader}) for the proxy to pass on to the
 * client; 401 with the API's challenges for no, a malformed, an unknown or an expired
 * token; 403 for everything else (a level too low, a method the API does not accept, an address that is throttled,
 * with {@code Retry-After}, or headers the proxy got wrong). nginx's {@code auth_request} turns any other status
 * into a 500 for the client, so none is used.
 */
@ApplicationScoped
public class ForwardAuth {

    static final String TOKEN_ID = "Tollgate-Token-Id";
    static final String TOKEN_NAME = "Tollgate-Token-Name";
    static final String TOKEN_LEVEL = "Tollgate-Token-Level";
    private static final Logger LOG = Logger.getLogger(ForwardAuth.class.getName());
    // A proxy that sends the wrong headers does so on every request: one line a minute tells its operator.
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    @Inject
    TokenAccess access;

    @Inject
    ApiClock clock;

    private final AtomicLong nextWarningAt = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param headers the proxy's request headers by name
     * @param address the client's address: the forwarded one if the proxy is a trusted proxy
     */
    Response check(Function<String, List<String>> headers, String address) {
        Instant now = clock.now();
        ForwardedRequest forwarded;
        try {
            forwarded = ForwardedRequest.from(headers);
        } catch (ForwardedRequest.Unusable unusable) {
            warn(unusable.getMessage(), now);
            return TokenAccess.Refusal.of(403, unusable.getMessage()).response();
        }
        TokenAccess.Decision decision = access.decide(forwarded.method(), null, forwarded.floor(),
                headers.apply(HttpHeaders.AUTHORIZATION), address, now);
        if (!decision.granted()) {
            int status = decision.refusal().status();
            return decision.refusal().response(status == 401 ? 401 : 403);
        }
        TokenSnapshot token = decision.token();
        return Response.noContent()
                .header(TokenExpiryHeader.NAME, token.worksUntil() == null ? null
                        : TokenExpiryHeader.httpDate(token.worksUntil()))
                .header(TOKEN_ID, token.id())
                .header(TOKEN_NAME, HeaderText.encode(token.name()))
                .header(TOKEN_LEVEL, token.accessLevel() == AccessLevel.READ_ONLY
                        ? ForwardedRequest.READ_ONLY : ForwardedRequest.READ_AND_WRITE)
                .build();
    }

    private void warn(String problem, Instant now) {
        long at = now.toEpochMilli();
        long next = nextWarningAt.get();
        if (at >= next && nextWarningAt.compareAndSet(next, at + LOG_INTERVAL.toMillis())) {
            LOG.warning(() -> "Refused a forward-auth request: " + problem + " Check the proxy's configuration"
                    + " (server-config/nginx/README.md); this line repeats at most once a minute.");
        } else if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(() -> "Refused a forward-auth request: " + problem);
        }
    }
}
