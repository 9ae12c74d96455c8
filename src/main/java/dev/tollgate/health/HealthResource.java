package dev.tollgate.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

import dev.tollgate.api.Public;

/**
 * {@code GET /api/health/live} and {@code /api/health/ready}: the plain health answers for any Jakarta EE server,
 * in MicroProfile Health's JSON shape ({@code {"status":"UP","checks":[...]}}) and with its status codes (200 up,
 * 503 down), so that one probe configuration fits both. No token: a load balancer has none. They say nothing an
 * outsider could use: no versions, hosts or error texts.
 */
@Path("health")
@Public
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final CacheControl NEVER_CACHED = CacheControl.valueOf("no-store");

    @Inject
    Checks checks;

    @GET
    @Path("live")
    public Response live() {
        return answer(List.of());
    }

    @GET
    @Path("ready")
    public Response ready() {
        return answer(List.of(checks.database()));
    }

    private static Response answer(List<HealthCheckResult> results) {
        boolean up = results.stream().allMatch(HealthCheckResult::up);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (HealthCheckResult result : results) {
            JsonObjectBuilder check = Json.createObjectBuilder().add("name", result.name())
                    .add("status", result.up() ? "UP" : "DOWN");
            if (result.reason() != null) {
                check.add("data", Json.createObjectBuilder().add("reason", result.reason()));
            }
            list.add(check);
        }
        String body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", list).build()
                .toString();
        Response.ResponseBuilder response = Response.status(up ? 200 : 503).entity(body).cacheControl(NEVER_CACHED);
        return up ? response.build() : response.header("Retry-After", "5").build();
    }
}
