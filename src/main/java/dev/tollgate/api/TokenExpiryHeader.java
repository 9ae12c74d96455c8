package dev.tollgate.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Tells an API client when its token expires, on every successful answer ({@code Tollgate-Token-Expires}, an HTTP
 * date, like GitHub's {@code github-authentication-token-expiration}), so that a client can warn its own operators
 * before it stops working rather than find out from a 401. A token without expiry gets no header; neither does a
 * refused request, which has no token.
 */
@Provider
@ApplicationScoped
public class TokenExpiryHeader implements ContainerResponseFilter {

    public static final String NAME = "Tollgate-Token-Expires";
    // RFC 9110's IMF-fixdate; java.time's RFC_1123_DATE_TIME would write "3 Jun" where HTTP wants "03 Jun".
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL
                && request.getSecurityContext() instanceof TokenSecurityContext context
                && context.caller().expiresAt() != null) {
            response.getHeaders().putSingle(NAME, httpDate(context.caller().expiresAt()));
        }
    }

    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
