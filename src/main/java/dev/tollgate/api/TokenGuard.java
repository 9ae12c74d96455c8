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
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;

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
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TokenGuard implements ContainerRequestFilter {

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
        if (isPublic()) {
            return;
        }
        String address = ClientAddress.of(request);
        if (address == null) { // a request that did not pass through the servlet filter: ask the servlet request
            address = servletRequest.getRemoteAddr();
        }
        RequiresLevel declared = declaredLevel();
        TokenAccess.Decision decision = access.decide(request.getMethod(), declared == null ? null : declared.value(),
                null, request.getHeaders().get(HttpHeaders.AUTHORIZATION), address, clock.now());
        if (!decision.granted()) {
            request.abortWith(decision.refusal().response());
            return;
        }
        request.setSecurityContext(new TokenSecurityContext(ApiCaller.of(decision.token()),
                request.getSecurityContext().isSecure(), decision.scheme()));
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
