package dev.tollgate.forwardauth;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.tollgate.api.Public;
import dev.tollgate.platform.ClientAddress;

/**
 * {@code /api/forward-auth}: the question a reverse proxy asks before it passes a request on. The request it holds
 * is described by headers ({@link ForwardedRequest}), never by this request's own method, which is {@code GET} for
 * Caddy and Traefik and, with nginx, may be the original one: every method is answered alike, and a body, which
 * nginx forwards unless told otherwise, is never read.
 *
 * <p>{@link Public} to the API's guard, which would judge this request's own method: {@link ForwardAuth} applies
 * the same rules to the original one.
 */
@Path("forward-auth")
@Public
public class ForwardAuthResource {

    @Inject
    ForwardAuth forwardAuth;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @GET
    public Response get() {
        return check();
    }

    @POST
    public Response post() {
        return check();
    }

    @PUT
    public Response put() {
        return check();
    }

    @PATCH
    public Response patch() {
        return check();
    }

    @DELETE
    public Response delete() {
        return check();
    }

    private Response check() {
        return forwardAuth.check(headers::getRequestHeader, ClientAddress.of(request));
    }
}
