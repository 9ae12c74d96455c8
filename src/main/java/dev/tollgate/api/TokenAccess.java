package dev.tollgate.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.TokenSnapshot;
import dev.tollgate.token.TokenUse;
import dev.tollgate.usage.Refused;
import dev.tollgate.usage.UsageCounts;

/**
 * The API's rules for one request, in one place: the credentials must name a valid, unexpired token
 * ({@link TokenCheck}) whose level permits the method ({@link MethodLevels}); a client address with too many failed
 * authentications is {@link Throttle throttled}, unless it sends a token that the token cache already knows as valid
 * (clients behind one proxy or NAT share an address; their good tokens keep working); a granted request is recorded
 * as the token's last use ({@link LastUses}). {@link TokenGuard} applies them to the API's own resources; the
 * forward-auth endpoint ({@code dev.tollgate.forwardauth}) applies the very same rules to requests a reverse proxy
 * asks about, so that a token means the same in front of any backend.
 */
@ApplicationScoped
public class TokenAccess {

    private static final Logger LOG = Logger.getLogger(TokenGuard.class.getName());
    static final String REALM = "tollgate";
    private static final String BASIC = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    private static final String BEARER = "Bearer realm=\"" + REALM + "\"";
    // A token that was sent and refused is an invalid_token in OAuth's terms (RFC 6750); no token, no error code.
    private static final String BEARER_INVALID_TOKEN = BEARER + ", error=\"invalid_token\"";
    // A refusal is the answer a guesser gets thousands of times a second: each is made once.
    private static final Map<Failure, Refusal> UNAUTHENTICATED = new EnumMap<>(Failure.class);

    private static final Refusal METHOD_NOT_ACCEPTED = new Refusal(405, "The API accepts only "
            + MethodLevels.ALLOWED + ".", List.of(Map.entry(HttpHeaders.ALLOW, MethodLevels.ALLOWED)));

    static {
        for (Failure failure : Failure.values()) {
            UNAUTHENTICATED.put(failure, new Refusal(401, failure.detail(), List.of(
                    Map.entry(HttpHeaders.WWW_AUTHENTICATE, failure == Failure.MISSING ? BEARER : BEARER_INVALID_TOKEN),
                    Map.entry(HttpHeaders.WWW_AUTHENTICATE, BASIC))));
        }
    }

    /**
     * What was decided: the token and the scheme it came in, or the refusal.
     *
     * @param scheme {@code Bearer} or {@code Basic}, for the security context
     */
    public record Decision(TokenSnapshot token, String scheme, Refusal refusal) {

        public boolean granted() {
            return token != null;
        }
    }

    /**
     * Why a request is refused, as the API answers it: a problem response with its status (401 with Bearer and
     * Basic challenges, 403 for a token whose level is too low, 405 for a method the API does not accept, 429 with
     * {@code Retry-After} while the address is throttled), or with another status for a caller that can pass only
     * some (nginx's {@code auth_request} passes 401 and 403 alone).
     */
    public static final class Refusal {

        private final int status;
        private final String detail;
        private final String body;
        private final List<Map.Entry<String, Object>> headers;

        Refusal(int status, String detail, List<Map.Entry<String, Object>> headers) {
            this.status = status;
            this.detail = detail;
            this.body = Problem.body(status, detail, null);
            this.headers = headers;
        }

        /** A refusal for a caller of {@link TokenAccess} that refuses a request for reasons of its own. */
        public static Refusal of(int status, String detail) {
            return new Refusal(status, detail, List.of());
        }

        public int status() {
            return status;
        }

        public String detail() {
            return detail;
        }

        /** The headers a response carries beside the problem body: challenges, Allow, Retry-After. */
        List<Map.Entry<String, Object>> headers() {
            return headers;
        }

        public Response response() {
            return response(status);
        }

        /** The same refusal, headers and detail, with another status. */
        public Response response(int otherStatus) {
            Response.ResponseBuilder response = otherStatus == status ? Problem.withBody(status, body)
                    : Problem.of(otherStatus, detail);
            for (Map.Entry<String, Object> header : headers) {
                response.header(header.getKey(), header.getValue());
            }
            return response.build();
        }
    }

    @Inject
    TokenCheck tokenCheck;

    @Inject
    Throttle throttle;

    @Inject
    LastUses lastUses;

    @Inject
    RefusalLog refusals;

    @Inject
    UsageCounts usage;

    /**
     * @param method        the HTTP method of the request the token is for
     * @param declared      the level a resource method declares ({@link RequiresLevel}), which wins over the
     *                      method's; or null
     * @param floor         a level the request needs at least, whatever its method; or null
     * @param authorization the request's {@code Authorization} headers, or null
     * @param address       the client's address ({@code dev.tollgate.platform.ClientAddress})
     */
    public Decision decide(String method, AccessLevel declared, AccessLevel floor, List<String> authorization,
                           String address, Instant now) {
        Credentials credentials = Credentials.from(authorization);
        Optional<Duration> blocked = throttle.blockedFor(address, now);
        if (blocked.isPresent()) {
            // Behind one proxy or NAT, one client's bad tokens must not lock out the others' good ones.
            Optional<TokenSnapshot> known = credentials.isPresent()
                    ? tokenCheck.knownGood(credentials.token(), now) : Optional.empty();
            if (known.isEmpty()) {
                return refused(tooManyFailures(blocked.get()));
            }
            return authorize(method, declared, floor, known.get(), credentials.scheme(), address, now);
        }
        TokenCheck.Verdict verdict = credentials.isPresent()
                ? tokenCheck.check(credentials.token(), now) : TokenCheck.Verdict.MISSING;
        if (!verdict.passed()) {
            return refused(unauthenticated(verdict, address, now));
        }
        return authorize(method, declared, floor, verdict.token(), credentials.scheme(), address, now);
    }

    private Decision authorize(String method, AccessLevel declared, AccessLevel floor, TokenSnapshot token,
                               String scheme, String address, Instant now) {
        Optional<AccessLevel> byMethod = MethodLevels.required(method, null);
        if (byMethod.isEmpty()) {
            return refused(METHOD_NOT_ACCEPTED);
        }
        if (!token.allows(address)) { // before the level: a client elsewhere learns nothing of what the token may do
            usage.refused(token.id(), Refused.ADDRESS, address, now);
            return refused(new Refusal(403, "This API token may not be used from your address, " + address + ".",
                    List.of()));
        }
        AccessLevel required = declared == null ? byMethod.get() : declared;
        AccessLevel needed = floor == null || required.permits(floor) ? required : floor;
        if (!token.accessLevel().permits(needed)) {
            usage.refused(token.id(), Refused.LEVEL, address, now);
            return refused(new Refusal(403, "This request needs a token with access level \"" + needed.label()
                    + "\"; this token's level is \"" + token.accessLevel().label() + "\".", List.of()));
        }
        lastUses.record(new TokenUse(token.id(), now, address, token.oldValue() ? now : null));
        usage.served(token.id(), address, now);
        return new Decision(token, scheme, null);
    }

    private Refusal unauthenticated(TokenCheck.Verdict verdict, String address, Instant now) {
        Failure failure = verdict.failure();
        if (verdict.token() != null) { // it exists, but has expired or its old value's grace is over
            usage.refused(verdict.token().id(), Refused.EXPIRED, address, now);
        }
        boolean nowBlocked = failure.counted() && throttle.failed(address, now);
        refusals.refused(address, failure, verdict.hint(), now);
        if (nowBlocked) {
            LOG.warning(() -> "Throttling API requests from " + address + " for " + Throttle.WINDOW.toSeconds()
                    + " s after " + throttle.limit() + " failed authentications");
        }
        return UNAUTHENTICATED.get(failure);
    }

    private static Refusal tooManyFailures(Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return new Refusal(429, "Too many failed authentications from your address. Try again in " + seconds
                + " seconds.", List.of(Map.entry(HttpHeaders.RETRY_AFTER, seconds)));
    }

    private static Decision refused(Refusal refusal) {
        return new Decision(null, null, refusal);
    }
}
