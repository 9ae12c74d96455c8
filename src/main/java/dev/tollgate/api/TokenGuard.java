package dev.tollgate.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;

import dev.tollgate.platform.ClientAddress;

/**
 * Guards every API resource by the rules of {@link TokenAccess}: the request must carry a valid, unexpired token
 * ({@link Credentials}) whose level permits what the request does ({@link MethodLevels}); otherwise it is refused
 * with a problem response: 401 with Bearer and Basic challenges, 403 for a read-only token that writes, 405 for a
 * method the API does not accept, 429 while the client's address is {@link Throttle throttled}, unless it sends a
 * token that the token cache already knows as valid.
 *
 * <p>It runs after JAX-RS has matched the request to a resource method, because {@link RequiresLevel} and
 * {@link Public} are read from that method. So an unknown path (404) or a method the resource lacks (405) is
 * answered by routing, before the guard, for every caller; that reveals no more than the public OpenAPI document.
 *
 * <p>The token is looked up afresh on every request ({@link TokenCheck}): a deleted, changed or expired token is
 * refused on the very next one.
 *
 * <p>An {@code OPTIONS} request to a resource without an {@code @OPTIONS} method gets JAX-RS's automatic answer
 * (the {@code Allow} list), and the specification leaves open whether request filters see it: Jersey (Payara) runs
 * this guard first, RESTEasy (WildFly) answers during matching, before any post-matching filter. So the guard also
 * looks at the way out, and replaces such an answer that it never saw come in with its refusal; {@code OPTIONS}
 * needs a read-only token everywhere.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TokenGuard implements ContainerRequestFilter, ContainerResponseFilter {

    /** Set on every request the guard has seen coming in. */
    private static final String GUARDED = TokenGuard.class.getName();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    TokenAccess access;

    @Inject
    ApiClock clock;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(GUARDED, Boolean.TRUE);
        if (isPublic()) {
            return;
        }
        TokenAccess.Decision decision = decide(request);
        if (!decision.granted()) {
            request.abortWith(decision.refusal().response());
            return;
        }
        request.setSecurityContext(new TokenSecurityContext(ApiCaller.of(decision.token()),
                request.getSecurityContext().isSecure(), decision.scheme()));
    }

    /** An automatic OPTIONS answer that passed no request filter (RESTEasy): the same decision, on the way out. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"OPTIONS".equals(request.getMethod()) || request.getProperty(GUARDED) != null) {
            return;
        }
        TokenAccess.Decision decision = decide(request);
        if (decision.granted()) {
            return;
        }
        Response refusal = decision.refusal().response();
        response.setStatus(refusal.getStatus());
        response.getHeaders().remove(HttpHeaders.ALLOW); // the answer it replaces: nothing to tell a stranger
        refusal.getHeaders().forEach((name, values) -> response.getHeaders().put(name, new ArrayList<>(values)));
        response.setEntity(refusal.getEntity(), new Annotation[0], refusal.getMediaType());
    }

    private TokenAccess.Decision decide(ContainerRequestContext request) {
        String address = ClientAddress.of(request);
        if (address == null) { // a request that did not pass through the servlet filter: ask the servlet request
            address = servletRequest.getRemoteAddr();
        }
        RequiresLevel declared = declaredLevel();
        return access.decide(request.getMethod(), declared == null ? null : declared.value(),
                null, request.getHeaders().get(HttpHeaders.AUTHORIZATION), address, clock.now());
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
