package dev.tollgate.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API at {@code /api}. No classes are listed: the server discovers every resource and provider in the WAR,
 * and {@link TokenGuard} guards each resource it finds, so a new resource cannot be forgotten by the guard.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
