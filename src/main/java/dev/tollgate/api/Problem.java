package dev.tollgate.api;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details, the body of every error the API returns ({@code application/problem+json}). The type
 * is always {@code about:blank}: the status says what kind of problem it is, {@code detail} says what to do, and
 * {@code field} names the offending part of the request where there is one.
 */
final class Problem {

    static final MediaType JSON = new MediaType("application", "problem+json");
    // Json.createObjectBuilder() looks the provider up through the ServiceLoader on every call.
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Problem() {
    }

    static Response.ResponseBuilder of(int status, String detail) {
        return of(status, detail, null);
    }

    static Response.ResponseBuilder of(int status, String detail, String field) {
        return withBody(status, body(status, detail, field));
    }

    /** A response for a body made earlier by {@link #body}. */
    static Response.ResponseBuilder withBody(int status, String body) {
        // A string entity: written the same way on every server, whatever JSON providers it has.
        return Response.status(status).type(JSON).entity(body);
    }

    static String body(int status, String detail, String field) {
        JsonObjectBuilder body = PROVIDER.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail);
        if (field != null) {
            body.add("field", field);
        }
        return body.build().toString();
    }

    static String title(int status) {
        if (status == 413) {
            return "Content Too Large";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
