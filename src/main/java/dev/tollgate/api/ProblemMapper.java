package dev.tollgate.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.platform.Constraints;
import dev.tollgate.setting.InvalidSettingException;
import dev.tollgate.setting.SettingConflictException;
import dev.tollgate.setting.SettingNotFoundException;
import dev.tollgate.setting.SettingTooLargeException;

/**
 * The one place that turns exceptions into API responses, all of them {@link Problem problem details}: domain
 * exceptions by their meaning, JAX-RS's own (unknown path, method, media type) by their status, unreadable JSON as
 * 400, oversized bodies as 413. Anything else is a bug: logged with its stack trace and answered with a 500 that
 * reveals nothing.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    private static final Map<Integer, String> STATUS_DETAILS = Map.of(
            400, "The request could not be understood.",
            404, "There is nothing at this address. The API's resources are listed in the OpenAPI document at"
                    + " /openapi.",
            405, "This resource does not accept this HTTP method; the Allow header lists the ones it does.",
            406, "The API answers in JSON (application/json) only.",
            415, "Send the request body as JSON, with \"Content-Type: application/json\".");

    @Override
    public Response toResponse(Throwable e) {
        if (causedBy(e, BodyTooLargeException.class)) {
            return Problem.of(413, "The request body may be at most " + BodyLimit.MAX_BYTES + " bytes long.").build();
        }
        if (causedBy(e, NoContentException.class)) {
            return Problem.of(400, "This request needs a JSON body.").build();
        }
        boolean unreadableJson = causedBy(e, JsonbException.class) || causedBy(e, JsonException.class);
        if (e instanceof ProcessingException && unreadableJson) {
            return Problem.of(400, "The request body is not valid JSON, or not the JSON this resource expects.")
                    .build();
        }
        if (e instanceof WebApplicationException web) {
            return fromStatus(web);
        }
        return fromDomain(e);
    }

    private static Response fromDomain(Throwable e) {
        if (e instanceof SettingTooLargeException tooLarge) {
            return Problem.of(413, tooLarge.getMessage(), tooLarge.field()).build();
        }
        if (e instanceof InvalidSettingException invalid) {
            return Problem.of(400, invalid.getMessage(), invalid.field()).build();
        }
        if (e instanceof SettingNotFoundException) {
            return Problem.of(404, e.getMessage()).build();
        }
        if (e instanceof SettingConflictException) {
            return Problem.of(409, e.getMessage()).build();
        }
        if (Constraints.databaseUnreachable(e)) {
            // With the change feed unread too, the token cache no longer vouches: refuse rather than guess.
            LOG.log(Level.WARNING, "API request refused, the database is out of reach: {0}", e.toString());
            return Problem.of(503, "The service cannot reach its database; try again shortly.")
                    .header("Retry-After", "5").build();
        }
        LOG.log(Level.SEVERE, "Unexpected error in an API request", e);
        return Problem.of(500, "Something went wrong on our side; the server log has the details.").build();
    }

    /** JAX-RS's own exceptions: keep the status and its headers (a 405's Allow), replace the body. */
    private static Response fromStatus(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "API request failed with status " + status, e);
        }
        String detail = STATUS_DETAILS.getOrDefault(status, Problem.title(status) + ".");
        Response.ResponseBuilder problem = Problem.of(status, detail);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem.build();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
