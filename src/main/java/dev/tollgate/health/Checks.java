package dev.tollgate.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.platform.Database;

/**
 * The checks behind both health answers. Liveness has nothing to check beyond the server answering at all: a
 * dead database must not get the server restarted, only taken out of the balancer (readiness).
 *
 * <p>The database check borrows a connection and asks the driver whether it is valid, bounded by
 * {@value #DATABASE_SECONDS} s in all: a pool waiting for a connection or a database host that drops packets
 * would otherwise hold the poller (and a thread) for the pool's or the driver's own timeout.
 */
@ApplicationScoped
public class Checks {

    static final String DATABASE = "database";
    static final int DATABASE_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(Checks.class.getName());

    @Inject
    Database database;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    public HealthCheckResult database() {
        CompletableFuture<HealthCheckResult> check = CompletableFuture.supplyAsync(this::probeDatabase, executor);
        try {
            return check.get(DATABASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return HealthCheckResult.down(DATABASE, "The database did not answer within " + DATABASE_SECONDS + " s.");
        } catch (ExecutionException e) {
            return HealthCheckResult.down(DATABASE, "The database cannot be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResult.down(DATABASE, "The check was interrupted.");
        }
    }

    /**
     * The same check on the calling thread, bounded only by the driver's validity check and the pool's own wait.
     * For MicroProfile Health: Payara calls it from its own servlet, a thread without this application's context,
     * and a managed executor then never runs the task (the check would always time out).
     */
    HealthCheckResult databaseOnThisThread() {
        return probeDatabase();
    }

    private HealthCheckResult probeDatabase() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(DATABASE_SECONDS)
                    ? HealthCheckResult.up(DATABASE)
                    : HealthCheckResult.down(DATABASE, "The database did not confirm the connection.");
        } catch (Exception e) {
            // The reason goes to the log, not to the unauthenticated caller: it may name hosts and users.
            LOG.log(Level.FINE, "Readiness: the database cannot be reached", e);
            return HealthCheckResult.down(DATABASE, "The database cannot be reached.");
        }
    }
}
