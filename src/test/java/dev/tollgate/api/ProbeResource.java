package dev.tollgate.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import dev.tollgate.token.AccessLevel;

/**
 * Test-only, guarded like every resource: accepts every method the API knows and one it does not, so that the
 * access matrix can be checked method by method. Each answer names the method that really ran.
 */
@Path("test-probe")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ProbeResource {

    @Context
    SecurityContext security;

    @GET
    public String get() {
        return ran("GET");
    }

    @OPTIONS
    public String options() {
        return ran("OPTIONS");
    }

    @POST
    public String post() {
        return ran("POST");
    }

    @PUT
    public String put() {
        return ran("PUT");
    }

    @PATCH
    public String patch() {
        return ran("PATCH");
    }

    @DELETE
    public String delete() {
        return ran("DELETE");
    }

    @BREW
    public String brew() {
        return ran("BREW");
    }

    /** A search that only reads, though POST says write. */
    @POST
    @Path("search")
    @RequiresLevel(AccessLevel.READ_ONLY)
    public String search() {
        return ran("search");
    }

    /** A read of something sensitive, though GET says read only. */
    @GET
    @Path("sensitive")
    @RequiresLevel(AccessLevel.READ_AND_WRITE)
    public String sensitive() {
        return ran("sensitive");
    }

    @GET
    @Path("roles")
    public String roles() {
        return security.getUserPrincipal().getName()
                + " READ_ONLY=" + security.isUserInRole("READ_ONLY")
                + " READ_AND_WRITE=" + security.isUserInRole("READ_AND_WRITE")
                + " admin=" + security.isUserInRole("admin")
                + " scheme=" + security.getAuthenticationScheme();
    }

    private String ran(String what) {
        return what + " by " + security.getUserPrincipal().getName();
    }
}
