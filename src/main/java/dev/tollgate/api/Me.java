package dev.tollgate.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

import dev.tollgate.token.AccessLevel;

/** The body of {@code GET /api/me}: the calling token as the console shows it, never its value or digest. */
@JsonbNillable
@JsonbPropertyOrder({"name", "accessLevel", "expiresAt", "createdAt"})
public record Me(String name, AccessLevel accessLevel, Instant expiresAt, Instant createdAt) {

    static Me of(ApiCaller caller) {
        return new Me(caller.name(), caller.accessLevel(), caller.expiresAt(), caller.createdAt());
    }
}
