package dev.tollgate.health;

/** What one check found: its name, whether it passed, and for a failed one a reason an operator can act on. */
public record HealthCheckResult(String name, boolean up, String reason) {

    static HealthCheckResult up(String name) {
        return new HealthCheckResult(name, true, null);
    }

    static HealthCheckResult down(String name, String reason) {
        return new HealthCheckResult(name, false, reason);
    }
}
