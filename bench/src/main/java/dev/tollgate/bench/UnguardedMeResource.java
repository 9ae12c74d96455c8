package dev.tollgate.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

import dev.tollgate.api.Me;
import dev.tollgate.api.Public;
import dev.tollgate.token.AccessLevel;

/**
 * The unguarded twin of {@code GET /api/me}, in the bench WAR only: the same JAX-RS stack, scope and JSON-B body,
 * without the token guard. P1's baseline.
 */
@Path("bench/me")
@Public
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnguardedMeResource {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @GET
    public Me get() {
        return new Me("bench-read-only", AccessLevel.READ_ONLY, null, CREATED);
    }
}
