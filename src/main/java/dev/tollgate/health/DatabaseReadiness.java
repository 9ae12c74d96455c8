package dev.tollgate.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The database check at MicroProfile Health's {@code /health/ready}, where the server has MicroProfile. On a server
 * without it this class cannot load and CDI leaves it out; {@link HealthResource} answers there.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    Checks checks;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResult result = checks.databaseOnThisThread();
        var response = HealthCheckResponse.named("tollgate-" + result.name()).status(result.up());
        return result.reason() == null ? response.build() : response.withData("reason", result.reason()).build();
    }
}
