package dev.tollgate.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.tollgate.usage.Usage;
import dev.tollgate.usage.UsageReport;

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

    @Inject
    Usage usage;

    @Inject
    ApiClock clock;

    @GET
    public Me get(@Context SecurityContext security) {
        return Me.of((ApiCaller) security.getUserPrincipal());
    }

    /**
     * {@code GET /api/me/usage}: the calling token's last 30 UTC days, as the console's usage chart shows them, so
     * that a client can watch its own refusals. As of the last usage flush (once a minute).
     */
    @GET
    @Path("usage")
    public UsageReport usage(@Context SecurityContext security) {
        long tokenId = ((ApiCaller) security.getUserPrincipal()).tokenId();
        return usage.report(tokenId, LocalDate.ofInstant(clock.now(), ZoneOffset.UTC)).orElseThrow(NotFoundException::new);
    }
}
