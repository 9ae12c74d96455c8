package dev.tollgate.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The API's notion of now, for expiry, throttling windows and "last used". A bean rather than a static call so
 * that the integration tests can move time forward past a throttling window instead of waiting a minute.
 */
@ApplicationScoped
public class ApiClock {

    public Instant now() {
        return Instant.now();
    }
}
