package dev.tollgate.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.platform.ClientAddress;
import dev.tollgate.token.TokenSnapshot;
import dev.tollgate.token.TokenUse;

/**
 * Guards every API resource: the request must carry a valid, unexpired token ({@link Credentials}) whose level
 * permits what the request does ({@link MethodLevels}); otherwise it is refused with a problem response: 401 with
 * Bearer and Basic challenges, 403 for a read-only token that writes, 405 for a method the API does not accept,
 * 429 while the client's address is {@link Throttle throttled}, unless it sends a token that the token cache already
 * knows as valid (clients behind one proxy or NAT share an address; their good tokens keep working).
 *
 * <p>It runs after JAX-RS has matched the request to a resource method, because {@link RequiresLevel} and
 * {@link Public} are read from that method. So an unknown path (404) or a method the resource lacks (405) is
 * answered by routing, before the guard, for every caller; that reveals no more than the public OpenAPI document.
 *
 * <p>The token is looked up afresh on every request ({@link TokenCheck}): a deleted, changed or expired token is
 * refused on the very next one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TokenGuard implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(TokenGuard.class.getName());
    static final String REALM = "tollgate";
    private static final String BASIC = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    private static final String BEARER = "Bearer realm=\"" + REALM + "\"";
    // A token that was sent and refused is an invalid_token in OAuth's terms (RFC 6750); no token, no error code.
    private static final String BEARER_INVALID_TOKEN = BEARER + ", error=\"invalid_token\"";
    // A refusal is the answer a guesser gets thousands of times a second: its body is written once.
    private static final Map<Failure, String> REFUSAL_BODIES = new EnumMap<>(Failure.class);

    static {
        for (Failure failure : Failure.values()) {
            REFUSAL_BODIES.put(failure, Problem.body(401, failure.detail(), null));
        }
    }

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    TokenCheck tokenCheck;

    @Inject
    Throttle throttle;

    @Inject
    LastUses lastUses;

    @Inject
    ApiClock clock;

    @Inject
    RefusalLog refusals;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic()) {
            return;
        }
        String address = ClientAddress.of(request);
        if (address == null) { // a request that did not pass through the servlet filter: ask the servlet request
            address = servletRequest.getRemoteAddr();
        }
        Instant now = clock.now();
        Credentials credentials = Credentials.from(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        Optional<Duration> blocked = throttle.blockedFor(address, now);
        if (blocked.isPresent()) {
            // Behind one proxy or NAT, one client's bad tokens must not lock out the others' good ones.
            Optional<TokenSnapshot> known = credentials.isPresent()
                    ? tokenCheck.knownGood(credentials.token(), now) : Optional.empty();
            if (known.isEmpty()) {
                request.abortWith(tooManyFailures(blocked.get()));
                return;
            }
            authorize(request, known.get(), credentials.scheme(), address, now);
            return;
        }
        TokenCheck.Verdict verdict = credentials.isPresent()
                ? tokenCheck.check(credentials.token(), now) : TokenCheck.Verdict.MISSING;
        if (!verdict.passed()) {
            refuse(request, verdict, address, now);
            return;
        }
        authorize(request, verdict.token(), credentials.scheme(), address, now);
    }

    private void authorize(ContainerRequestContext request, TokenSnapshot token, String scheme, String address,
                           Instant now) {
        Optional<AccessLevel> required = MethodLevels.required(request.getMethod(), declaredLevel());
        if (required.isEmpty()) {
            request.abortWith(Problem.of(405, "The API accepts only " + MethodLevels.ALLOWED + ".")
                    .header(HttpHeaders.ALLOW, MethodLevels.ALLOWED).build());
            return;
        }
        if (!token.accessLevel().permits(required.get())) {
            request.abortWith(Problem.of(403, "This request needs a token with access level \""
                    + required.get().label() + "\"; this token's level is \"" + token.accessLevel().label()
                    + "\".").build());
            return;
        }
        request.setSecurityContext(new TokenSecurityContext(ApiCaller.of(token),
                request.getSecurityContext().isSecure(), scheme));
        lastUses.record(new TokenUse(token.id(), now, address));
    }

    private void refuse(ContainerRequestContext request, TokenCheck.Verdict verdict, String address, Instant now) {
        Failure failure = verdict.failure();
        boolean nowBlocked = failure.counted() && throttle.failed(address, now);
        refusals.refused(address, failure, verdict.hint(), now);
        if (nowBlocked) {
            LOG.warning(() -> "Throttling API requests from " + address + " for " + Throttle.WINDOW.toSeconds()
                    + " s after " + throttle.limit() + " failed authentications");
        }
        request.abortWith(Problem.withBody(401, REFUSAL_BODIES.get(failure))
                .header(HttpHeaders.WWW_AUTHENTICATE, failure == Failure.MISSING ? BEARER : BEARER_INVALID_TOKEN)
                .header(HttpHeaders.WWW_AUTHENTICATE, BASIC)
                .build());
    }

    private static Response tooManyFailures(Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return Problem.of(429, "Too many failed authentications from your address. Try again in " + seconds
                        + " seconds.")
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    private boolean isPublic() {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        return method != null && method.isAnnotationPresent(Public.class)
                || type != null && type.isAnnotationPresent(Public.class);
    }

    private RequiresLevel declaredLevel() {
        Method method = resource.getResourceMethod();
        return method == null ? null : method.getAnnotation(RequiresLevel.class);
    }
}
