package dev.tollgate.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.GracePeriod;
import dev.tollgate.token.Rotated;
import dev.tollgate.token.TokenDraft;
import dev.tollgate.token.TokenValue;
import dev.tollgate.token.Tokens;
import dev.tollgate.usage.UsageCounts;
import dev.tollgate.usage.UsageReport;

/**
 * Test-only and {@link Public}: what an admin does in the console (create, change, delete a token), plus a look at
 * a token's "last used" columns, a last-used flush on demand and the {@link TimeMachine}. Also the proof that
 * {@code @Public} opens a resource.
 */
@Public
@Path("test-support")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestSupportResource {

    public record Created(long id, String name, String value) {
    }

    @JsonbNillable
    public record Usage(long version, Instant lastUsedAt, String lastUsedIp, Instant oldValueUsedAt) {
    }

    @Inject
    Tokens tokens;

    @Inject
    LastUses lastUses;

    @Inject
    TimeMachine timeMachine;

    @Inject
    UsageCounts usageCounts;

    @Inject
    dev.tollgate.usage.Usage usageReports; // TestSupportResource.Usage is the last-use view


    @POST
    @Path("tokens/{level}")
    public Created create(@PathParam("level") AccessLevel level) {
        TokenValue value = tokens.generateValue();
        ApiToken token = tokens.create(new TokenDraft("api-it-" + UUID.randomUUID(), level, null), value, "ApiIT");
        return new Created(token.getId(), token.getName(), value.reveal());
    }

    @POST
    @Path("tokens/{level}/custom/{value}")
    public Created createWithValue(@PathParam("level") AccessLevel level, @PathParam("value") String custom) {
        ApiToken token = tokens.create(new TokenDraft("api-it-" + UUID.randomUUID(), level, null),
                tokens.customValue(custom), "ApiIT");
        return new Created(token.getId(), token.getName(), custom);
    }

    @POST
    @Path("tokens/{id}/value")
    public Created newValue(@PathParam("id") long id) {
        ApiToken token = tokens.find(id).orElseThrow();
        TokenValue value = tokens.generateValue();
        tokens.update(id, token.getVersion(), draftOf(token, token.getAccessLevel()), value, "ApiIT");
        return new Created(id, token.getName(), value.reveal());
    }

    @POST
    @Path("tokens/{id}/level/{level}")
    public void changeLevel(@PathParam("id") long id, @PathParam("level") AccessLevel level) {
        ApiToken token = tokens.find(id).orElseThrow();
        tokens.update(id, token.getVersion(), draftOf(token, level), null, "ApiIT");
    }

    /**
     * Gives a token an expiry through the service, as the console would, counted from the API's clock (which other
     * tests may have moved ahead); the test then moves that clock past it.
     */
    @POST
    @Path("tokens/{id}/expires-in/{seconds}")
    public void expiresIn(@PathParam("id") long id, @PathParam("seconds") long seconds) {
        ApiToken token = tokens.find(id).orElseThrow();
        tokens.update(id, token.getVersion(), new TokenDraft(token.getName(), token.getAccessLevel(),
                timeMachine.now().plusSeconds(seconds), token.getAllowedAddresses()), null, "ApiIT");
    }

    /** Limits a token to these addresses (the query parameter {@code list}; empty lifts the limit). */
    @POST
    @Path("tokens/{id}/allowed")
    public void allowFrom(@PathParam("id") long id, @QueryParam("list") String list) {
        ApiToken token = tokens.find(id).orElseThrow();
        tokens.update(id, token.getVersion(), new TokenDraft(token.getName(), token.getAccessLevel(),
                token.getExpiresAt(), list), null, "ApiIT");
    }

    /** Rotates a token as the console's "Rotate" does; answers with the new value. */
    @POST
    @Path("tokens/{id}/rotate/{grace}")
    public Created rotate(@PathParam("id") long id, @PathParam("grace") GracePeriod grace) {
        Rotated rotated = tokens.rotate(id, grace, "ApiIT");
        return new Created(id, rotated.token().getName(), rotated.value().reveal());
    }

    @POST
    @Path("tokens/{id}/end-grace")
    public void endGrace(@PathParam("id") long id) {
        tokens.endGrace(id, "ApiIT");
    }

    @DELETE
    @Path("tokens/{id}")
    public void delete(@PathParam("id") long id) {
        tokens.delete(id, "ApiIT");
    }

    @GET
    @Path("tokens/{id}")
    public Usage usage(@PathParam("id") long id) {
        ApiToken token = tokens.find(id).orElseThrow();
        return new Usage(token.getVersion(), token.getLastUsedAt(), token.getLastUsedIp(),
                token.getPreviousUsedAt());
    }

    /** The token's usage as the console's chart reads it, for the API clock's today; flushes first. */
    @GET
    @Path("tokens/{id}/usage")
    public UsageReport usageReport(@PathParam("id") long id) {
        usageCounts.flush();
        return usageReports.report(tokens.find(id).orElseThrow(), LocalDate.ofInstant(timeMachine.now(), ZoneOffset.UTC));
    }

    /** How many requests the table's "Requests (30 d)" counts for the token. */
    @GET
    @Path("tokens/{id}/requests-30d")
    public long requests30d(@PathParam("id") long id) {
        return tokens.find(id).orElseThrow().getRequests30d();
    }

    @POST
    @Path("last-uses/flush")
    public int flush() {
        return lastUses.flush();
    }

    @POST
    @Path("clock/{seconds}")
    public void travel(@PathParam("seconds") long seconds) {
        timeMachine.travel(Duration.ofSeconds(seconds));
    }

    private static TokenDraft draftOf(ApiToken token, AccessLevel level) {
        return new TokenDraft(token.getName(), level, token.getExpiresAt(), token.getAllowedAddresses());
    }
}
