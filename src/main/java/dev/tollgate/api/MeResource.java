package dev.tollgate.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /api/me}: who is calling, so that a client can check its token and see when it expires. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Context
    SecurityContext security;

    @GET
    public Me get() {
        return Me.of((ApiCaller) security.getUserPrincipal());
    }
}
