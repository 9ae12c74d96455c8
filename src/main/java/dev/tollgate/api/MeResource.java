package dev.tollgate.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/me}: who is calling, so that a client can check its token and see when it expires.
 *
 * <p>Stateless, so one instance serves every request; the security context comes as a parameter, the request's own
 * object. A {@code @Context} field would be filled per request through a proxy that looks the request up on every
 * call (together a few per cent of the whole request under load: bench/run, P1).
 */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @GET
    public Me get(@Context SecurityContext security) {
        return Me.of((ApiCaller) security.getUserPrincipal());
    }
}
