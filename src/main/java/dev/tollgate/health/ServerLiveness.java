package dev.tollgate.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Tollgate's entry at MicroProfile Health's {@code /health/live}: the application is deployed and answering. It
 * checks no dependency on purpose, so that an orchestrator never restarts a server because its database is down.
 */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("tollgate");
    }
}
